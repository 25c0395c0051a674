import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';
import { CASE_CATEGORIES, SAFETY_REGIONS, type CaseCategory, type SafetyRegion } from '../../domain/case.vocabulary';

/** The query of `GET /experts`: optional filters and a page (1-based, 20 per page unless asked otherwise). */
export class ListExpertsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only active (true) or only deactivated (false) experts.' })
  @IsOptional() @IsIn(['true', 'false']) readonly active?: 'true' | 'false';

  @ApiPropertyOptional({ enum: CASE_CATEGORIES, enumName: 'CaseCategory', description: 'Only experts who cover this category.' })
  @IsOptional() @IsIn(CASE_CATEGORIES) readonly category?: CaseCategory;

  @ApiPropertyOptional({ enum: SAFETY_REGIONS, enumName: 'SafetyRegion', description: 'Only experts in this safety region.' })
  @IsOptional() @IsIn(SAFETY_REGIONS) readonly region?: SafetyRegion;
}
