import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';
import {
  CASE_CATEGORIES, CASE_STAGES, RISK_LEVELS, SAFETY_REGIONS,
  type CaseCategory, type CaseStage, type RiskLevel, type SafetyRegion,
} from '../../domain/case.vocabulary';
import { IsMunicipalityCode } from '../../http/municipality-code';

/** The query of `GET /cases`: optional filters and a page (1-based, 20 per page unless asked otherwise). */
export class ListCasesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CASE_STAGES, enumName: 'CaseStage', description: 'Only cases in this stage.' })
  @IsOptional() @IsIn(CASE_STAGES) readonly stage?: CaseStage;

  @ApiPropertyOptional({ enum: RISK_LEVELS, enumName: 'RiskLevel', description: 'Only cases at this risk level.' })
  @IsOptional() @IsIn(RISK_LEVELS) readonly risk?: RiskLevel;

  @ApiPropertyOptional({ enum: CASE_CATEGORIES, enumName: 'CaseCategory', description: 'Only cases of this category.' })
  @IsOptional() @IsIn(CASE_CATEGORIES) readonly category?: CaseCategory;

  /** The safety region (veiligheidsregio). */
  @ApiPropertyOptional({ enum: SAFETY_REGIONS, enumName: 'SafetyRegion', description: 'Only cases in this safety region (veiligheidsregio).' })
  @IsOptional() @IsIn(SAFETY_REGIONS) readonly region?: SafetyRegion;

  @ApiPropertyOptional({ description: 'Only cases of the municipality with this CBS code.' })
  @IsOptional() @IsMunicipalityCode() readonly municipalityCode?: string;
}
