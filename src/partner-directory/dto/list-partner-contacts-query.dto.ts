import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SAFETY_REGIONS, type SafetyRegion } from '../../domain/case.vocabulary';
import { PARTNERS, type Partner } from '../../domain/notifications/notification-kinds';

/** A region filter's word for the national desks, whose region is null. */
export const NATIONAL_DESK = 'national';

/** The query of `GET /partner-contacts`: optional filters. */
export class ListPartnerContactsQueryDto {
  @ApiPropertyOptional({ enum: PARTNERS, enumName: 'Partner', description: 'Only contact points of this partner.' })
  @IsOptional() @IsIn(PARTNERS) readonly partner?: Partner;

  @ApiPropertyOptional({ enum: [...SAFETY_REGIONS, NATIONAL_DESK], description: 'Only contact points of this safety region, or `national` for the national desks.' })
  @IsOptional() @IsIn([...SAFETY_REGIONS, NATIONAL_DESK]) readonly safetyRegion?: SafetyRegion | typeof NATIONAL_DESK;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only active (true) or only deactivated (false) contact points.' })
  @IsOptional() @IsIn(['true', 'false']) readonly active?: 'true' | 'false';
}
