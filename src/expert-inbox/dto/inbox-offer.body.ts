import { ApiProperty } from '@nestjs/swagger';
import { CASE_CATEGORIES, RISK_LEVELS, SAFETY_REGIONS, type CaseCategory, type RiskLevel, type SafetyRegion } from '../../domain/case.vocabulary';
import type { InboxOffer } from '../../api-contracts/expert-inbox.contract';

/** The OpenAPI shape of an offer in the expert's inbox. */
export class InboxOfferBody implements InboxOffer {
  @ApiProperty({ example: 'offer-1-2' }) readonly offerId!: string;
  @ApiProperty({ format: 'uuid' }) readonly caseId!: string;
  @ApiProperty({ enum: CASE_CATEGORIES }) readonly category!: CaseCategory;
  @ApiProperty({ example: 'Zoetermeer' }) readonly municipality!: string;
  @ApiProperty({ enum: SAFETY_REGIONS }) readonly safetyRegion!: SafetyRegion;
  @ApiProperty({ enum: RISK_LEVELS, nullable: true }) readonly riskLevel!: RiskLevel | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly eventDate!: string | null;
  @ApiProperty({ example: 1, description: 'The matching round the offer was made in.' }) readonly round!: number;
  @ApiProperty({ format: 'date-time', description: 'When the offer lapses unanswered.' }) readonly expiresAt!: string;
}
