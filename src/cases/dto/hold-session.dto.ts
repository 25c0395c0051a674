import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/session/held`: the session's outcomes, recorded by the lead or a coordinator. */
export class HoldSessionDto {
  @IsCaseText() readonly outcomes: string;
}
