import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/tasks/:taskId/complete`: what the task produced, from its assignee. */
export class CompleteTaskDto {
  @IsCaseText() readonly outcome: string;
}
