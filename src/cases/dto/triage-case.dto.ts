import { IsIn, IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';

/** The body of `POST /cases/:id/triage`: accept, or reject with a reason. */
export class TriageCaseDto {
  @IsIn(['accept', 'reject']) readonly decision: 'accept' | 'reject';

  @ValidateIf((dto: TriageCaseDto) => dto.decision === 'reject' || dto.reason !== undefined)
  @IsString() @IsNotEmpty({ message: 'reason is required when the decision is reject' }) @MaxLength(2000)
  readonly reason?: string;
}
