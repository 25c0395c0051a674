import { CASE_TEXT_LIMITS } from '../../domain/case-text-limits';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/close`. */
export class CloseCaseDto {
  // The workflow refuses a blank summary that is sent; the API says so first, and names the field.
  @ApiPropertyOptional({ maxLength: CASE_TEXT_LIMITS.account, description: 'A closing summary.', example: 'Meeting went ahead without incidents.' })
  @IsOptional() @IsCaseText(CASE_TEXT_LIMITS.account) readonly summary?: string;
}
