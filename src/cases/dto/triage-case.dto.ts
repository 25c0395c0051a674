import { CASE_TEXT_LIMITS } from '../../domain/case-text-limits';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, ValidateIf } from 'class-validator';
import { IsCaseText } from './case-text';

const TRIAGE_DECISIONS = ['accept', 'reject'] as const;

/** The body of `POST /cases/:id/triage`: accept, or reject with a reason. */
export class TriageCaseDto {
  @ApiProperty({ enum: TRIAGE_DECISIONS, description: 'Whether the brigade takes the case on.', example: 'accept' })
  @IsIn(TRIAGE_DECISIONS) readonly decision: 'accept' | 'reject';

  @ApiPropertyOptional({ minLength: 1, maxLength: CASE_TEXT_LIMITS.reason, description: 'Why; required when the decision is reject.', example: 'Outside the brigade’s remit.' })
  @ValidateIf((dto: TriageCaseDto) => dto.decision === 'reject' || dto.reason !== undefined)
  @IsNotEmpty({ message: 'reason is required when the decision is reject' }) @IsCaseText(CASE_TEXT_LIMITS.reason)
  readonly reason?: string;
}
