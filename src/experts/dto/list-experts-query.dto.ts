import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CASE_CATEGORIES, SAFETY_REGIONS, type CaseCategory, type SafetyRegion } from '../../domain/case.vocabulary';

/** The query of `GET /experts`: optional filters and a page (1-based, 20 per page unless asked otherwise). */
export class ListExpertsQueryDto {
  @IsOptional() @IsIn(['true', 'false']) readonly active?: 'true' | 'false';
  @IsOptional() @IsIn(CASE_CATEGORIES) readonly category?: CaseCategory;
  @IsOptional() @IsIn(SAFETY_REGIONS) readonly region?: SafetyRegion;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) readonly page: number = 1;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) readonly pageSize: number = 20;
}
