import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { INTERVENTION_OUTCOMES, type InterventionOutcome } from '../../domain/case.vocabulary';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/intervention`: the lead's report on how the event went. */
export class ReportInterventionDto {
  @ApiProperty({ enum: INTERVENTION_OUTCOMES, enumName: 'InterventionOutcome', description: 'How the event went.', example: 'calm' })
  @IsIn(INTERVENTION_OUTCOMES) readonly outcome: InterventionOutcome;

  @ApiProperty({ description: "The lead's notes on the event.", example: 'About 150 attendees; one heckler left when asked.' })
  @IsCaseText() readonly notes: string;
}
