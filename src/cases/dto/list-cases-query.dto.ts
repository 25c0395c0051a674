import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../runtime/page-query.dto';
import {
  CASE_CATEGORIES, CASE_STAGES, RISK_LEVELS, SAFETY_REGIONS,
  type CaseCategory, type CaseStage, type RiskLevel, type SafetyRegion,
} from '../../domain/case.vocabulary';
import { IsMunicipalityName } from '../../experts/dto/municipality-name';

/** The query of `GET /cases`: optional filters and a page (1-based, 20 per page unless asked otherwise). */
export class ListCasesQueryDto extends PageQueryDto {
  @IsOptional() @IsIn(CASE_STAGES) readonly stage?: CaseStage;
  @IsOptional() @IsIn(RISK_LEVELS) readonly risk?: RiskLevel;
  @IsOptional() @IsIn(CASE_CATEGORIES) readonly category?: CaseCategory;
  /** The safety region (veiligheidsregio). */
  @IsOptional() @IsIn(SAFETY_REGIONS) readonly region?: SafetyRegion;
  @IsOptional() @IsMunicipalityName() readonly municipality?: string;
}
