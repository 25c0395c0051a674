import type { CaseState } from '../domain/case.state';

/** What `POST /cases` answers; `replayed` is true when an Idempotency-Key named an existing case. */
export interface RegisteredCase {
  readonly caseId: string;
  readonly workflowId: string;
  readonly replayed: boolean;
}

/** What `GET /cases/:id` answers: the recorded read model and the state the case's workflow holds (null before its first event). */
export interface CaseView {
  readonly caseId: string;
  readonly recorded: CaseState | null;
  readonly live: CaseState | null;
}
