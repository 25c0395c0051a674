import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  CASE_CATEGORIES, CASE_STAGES, RISK_LEVELS, SAFETY_REGIONS,
  type CaseCategory, type CaseStage, type RiskLevel, type SafetyRegion,
} from '../../domain/case.vocabulary';
import { IsMunicipalityName } from '../../experts/dto/municipality-name';

/** The query of `GET /cases`: optional filters and a page (1-based, 20 per page unless asked otherwise). */
export class ListCasesQueryDto {
  @IsOptional() @IsIn(CASE_STAGES) readonly stage?: CaseStage;
  @IsOptional() @IsIn(RISK_LEVELS) readonly risk?: RiskLevel;
  @IsOptional() @IsIn(CASE_CATEGORIES) readonly category?: CaseCategory;
  /** The safety region (veiligheidsregio). */
  @IsOptional() @IsIn(SAFETY_REGIONS) readonly region?: SafetyRegion;
  @IsOptional() @IsMunicipalityName() readonly municipality?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) readonly page: number = 1;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) readonly pageSize: number = 20;
}
