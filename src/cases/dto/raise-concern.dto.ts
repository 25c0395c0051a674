import { IsUUID } from 'class-validator';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/concerns`: an expert on the team and their concern. */
export class RaiseConcernDto {
  @IsUUID('4') readonly expertId: string;
  @IsCaseText() readonly concern: string;
}
