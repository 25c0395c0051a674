import type { HistoryFold } from '../domain/case-history';
import type { ChainVerification } from '../event-store/event-store.port';
import type { LogCheck } from '../transparency-log/log-inclusion-check';
import type { ProjectionCheck } from './projection-check';
import type { RecordedEventsCheck } from './recorded-events-check';
import type { ReplayReport } from './workflow-replayer';

/** Whether the events fold with `evolve` into a state: an impossible order is a finding. */
export interface FoldCheck {
  readonly valid: boolean;
  /** The stage the whole stream folds into, when it folds. */
  readonly stage: string | null;
  /** The first version `evolve` refused, when one was. */
  readonly failedVersion: number | null;
  readonly problem: string | null;
}

/** Everything an audit checks about one case, and whether all of it passed. */
export interface CaseVerification {
  readonly caseId: string;
  /** True only when the chain holds, the events fold, the read model agrees, the replay passed, the events are those recorded and the log holds them. */
  readonly valid: boolean;
  readonly chain: ChainVerification;
  readonly fold: FoldCheck;
  /** Null where there is no read model to compare, as in an exported bundle. */
  readonly projection: ProjectionCheck | null;
  readonly replay: ReplayReport;
  /** Whether the stored events are, one by one, the events the workflow histories recorded. */
  readonly recordedEvents: RecordedEventsCheck;
  /** Whether the events are the log's leaves and included in its latest signed checkpoint. */
  readonly log: LogCheck;
}

/** The fold part of a verification. */
export function foldCheckOf(fold: HistoryFold): FoldCheck {
  return { valid: fold.valid, stage: fold.state?.stage ?? null, failedVersion: fold.failedVersion, problem: fold.problem };
}

/** Puts the checks together; a replay that could not run is not a pass, so such a case is not `valid`. */
export function caseVerification(checks: Omit<CaseVerification, 'valid'>): CaseVerification {
  const valid = checks.chain.valid && checks.fold.valid && (checks.projection?.consistent ?? true) && checks.replay.status === 'passed'
    && checks.recordedEvents.status === 'passed' && (checks.log.status === 'passed' || checks.log.status === 'pending');
  const { caseId, chain, fold, projection, replay, recordedEvents, log } = checks;
  return { caseId, valid, chain, fold, projection, replay, recordedEvents, log };
}
