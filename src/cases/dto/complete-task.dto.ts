import { ApiProperty } from '@nestjs/swagger';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/tasks/:taskId/complete`: what the task produced, from its assignee. */
export class CompleteTaskDto {
  @ApiProperty({ description: 'What the task produced.', example: 'Security plan agreed with the police liaison.' })
  @IsCaseText() readonly outcome: string;
}
