import { ApiProperty } from '@nestjs/swagger';
import { DEADLINE_KINDS, type NextDeadline } from '../../domain/next-deadline';

/** The OpenAPI shape of a case's next deadline. */
export class NextDeadlineBody implements NextDeadline {
  @ApiProperty({ format: 'date-time', example: '2027-03-02T09:00:00.000Z' }) readonly at!: string;
  @ApiProperty({ enum: DEADLINE_KINDS, description: 'What falls due: the triage decision, an offer expires, a task or follow-up is due, an escalation needs acknowledging.' })
  readonly kind!: NextDeadline['kind'];
  @ApiProperty({ example: 'task-2', description: 'The id of the offer, task, escalation or follow-up; for triage, the case id.' }) readonly id!: string;
}
