import type { CaseState } from '../domain/case.state';

/** What `POST /cases` answers; `replayed` is true when an Idempotency-Key named an existing case. */
export interface RegisteredCase {
  readonly caseId: string;
  readonly workflowId: string;
  readonly replayed: boolean;
}

/** What `GET /cases/:id` answers: the recorded read model plus the workflow's live view (null once it has ended). */
export interface CaseView {
  readonly caseId: string;
  readonly recorded: CaseState | null;
  readonly live: CaseState | null;
}
