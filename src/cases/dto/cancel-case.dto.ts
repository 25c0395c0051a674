import { CASE_TEXT_LIMITS } from '../../domain/case-text-limits';
import { ApiProperty } from '@nestjs/swagger';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/cancel`: why the coordinator cancels the case. */
export class CancelCaseDto {
  @ApiProperty({ description: 'Why the case is cancelled.', example: 'The municipality withdrew its request.' })
  @IsCaseText(CASE_TEXT_LIMITS.reason) readonly reason: string;
}
