import { ApiProperty } from '@nestjs/swagger';
import { CASE_CATEGORIES, CASE_STAGES, RISK_LEVELS, SAFETY_REGIONS, type TeamRole, type CaseCategory, type CaseStage, type RiskLevel, type SafetyRegion } from '../../domain/case.vocabulary';
import type { InboxCase } from '../../api-contracts/expert-inbox.contract';
import { NextDeadlineBody } from './next-deadline.body';

const TEAM_ROLES: readonly TeamRole[] = ['lead', 'support'];

/** The OpenAPI shape of a case in the expert's inbox. */
export class InboxCaseBody implements InboxCase {
  @ApiProperty({ format: 'uuid' }) readonly caseId!: string;
  @ApiProperty({ enum: TEAM_ROLES, description: "The expert's part in the case's team." }) readonly role!: TeamRole;
  @ApiProperty({ enum: CASE_STAGES }) readonly stage!: CaseStage;
  @ApiProperty({ enum: CASE_CATEGORIES }) readonly category!: CaseCategory;
  @ApiProperty({ example: 'Zoetermeer' }) readonly municipality!: string;
  @ApiProperty({ enum: SAFETY_REGIONS }) readonly safetyRegion!: SafetyRegion;
  @ApiProperty({ enum: RISK_LEVELS, nullable: true }) readonly riskLevel!: RiskLevel | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly eventDate!: string | null;
  @ApiProperty({ type: NextDeadlineBody, nullable: true, description: 'The earliest open deadline; null when nothing is open or the case has ended.' })
  readonly nextDeadline!: NextDeadlineBody | null;
}
