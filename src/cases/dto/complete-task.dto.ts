import { IsUUID } from 'class-validator';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/tasks/:taskId/complete`: the assignee and what the task produced. */
export class CompleteTaskDto {
  @IsUUID('4') readonly expertId: string;
  @IsCaseText() readonly outcome: string;
}
