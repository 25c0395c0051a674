import { IsOptional, IsUUID } from 'class-validator';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/assignments`: the expert a coordinator puts on the team by hand. */
export class AssignExpertDto {
  @IsUUID('4') readonly expertId: string;
  @IsOptional() @IsCaseText(2000) readonly note?: string;
}
