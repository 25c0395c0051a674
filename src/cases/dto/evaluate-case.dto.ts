import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/evaluation`: the coordinator's evaluation of the finished case. */
export class EvaluateCaseDto {
  @IsCaseText() readonly summary: string;
}
