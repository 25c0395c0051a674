import { IsIn } from 'class-validator';
import { INTERVENTION_OUTCOMES, type InterventionOutcome } from '../../domain/case.vocabulary';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/intervention`: the lead's report on how the event went. */
export class ReportInterventionDto {
  @IsIn(INTERVENTION_OUTCOMES) readonly outcome: InterventionOutcome;
  @IsCaseText() readonly notes: string;
}
