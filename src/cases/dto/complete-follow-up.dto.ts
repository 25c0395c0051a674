import { IsBoolean } from 'class-validator';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/follow-ups/:followUpId`: the lead's check-in and whether the risk goes on. */
export class CompleteFollowUpDto {
  @IsBoolean() readonly ongoingRisk: boolean;
  @IsCaseText() readonly notes: string;
}
