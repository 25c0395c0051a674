import { IsOptional, IsUUID } from 'class-validator';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/session/held`: the session's outcomes, recorded by the lead (`expertId`) or else the coordinator. */
export class HoldSessionDto {
  @IsCaseText() readonly outcomes: string;
  @IsOptional() @IsUUID('4') readonly expertId?: string;
}
