import { CASE_TEXT_LIMITS } from '../../domain/case-text-limits';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/offers/:offerId/decline`: why the expert declines, if they say. */
export class DeclineOfferDto {
  @ApiPropertyOptional({ description: 'Why the expert declines.', example: 'On leave that week.' })
  @IsOptional() @IsCaseText(CASE_TEXT_LIMITS.reason) readonly reason?: string;
}
