import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/cancel`: why the coordinator cancels the case. */
export class CancelCaseDto {
  @IsCaseText(2000) readonly reason: string;
}
