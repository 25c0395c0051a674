import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/concerns`: the concern of an expert on the team. */
export class RaiseConcernDto {
  @IsCaseText() readonly concern: string;
}
