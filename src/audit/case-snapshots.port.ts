import type { StoredCaseEvent } from '../event-store/event-store.port';
import type { RecordedProjection } from './projection-check';

/** A case's events and its read model's row, read in one snapshot of the database. */
export interface CaseSnapshot {
  readonly events: readonly StoredCaseEvent[];
  readonly projection: RecordedProjection | null;
}

/** Token of the `CaseSnapshots` port. */
export const CASE_SNAPSHOTS = Symbol('CASE_SNAPSHOTS');

/** Reads what the database holds about one case for an audit. */
export interface CaseSnapshots {
  /** The case's events in version order and its read model's row, as one consistent snapshot; empty for an unknown id. */
  read(caseId: string): Promise<CaseSnapshot>;
}
