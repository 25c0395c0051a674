import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../runtime/page-query.dto';
import { CASE_CATEGORIES, SAFETY_REGIONS, type CaseCategory, type SafetyRegion } from '../../domain/case.vocabulary';

/** The query of `GET /experts`: optional filters and a page (1-based, 20 per page unless asked otherwise). */
export class ListExpertsQueryDto extends PageQueryDto {
  @IsOptional() @IsIn(['true', 'false']) readonly active?: 'true' | 'false';
  @IsOptional() @IsIn(CASE_CATEGORIES) readonly category?: CaseCategory;
  @IsOptional() @IsIn(SAFETY_REGIONS) readonly region?: SafetyRegion;
}
