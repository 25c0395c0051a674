import { foldHistory } from '../domain/case-history';
import type { StoredCaseEvent } from '../event-store/event-store.port';
import { verifyEventChain } from './event-chain';
import { checkProjection, type RecordedProjection } from './projection-check';

/** A case whose record failed the audit: the first version found broken, and what is wrong there. */
export interface CaseFinding {
  readonly caseId: string;
  readonly version: number | null;
  readonly problem: string;
}

/** The first thing wrong with one case's record, or null when its chain, fold and read model all hold. */
export function checkCaseRecord(caseId: string, events: readonly StoredCaseEvent[], projection: RecordedProjection | null): CaseFinding | null {
  const chain = verifyEventChain(caseId, events);
  if (!chain.valid) return { caseId, version: chain.firstInvalidVersion, problem: chain.problem! };
  const fold = foldHistory(events);
  if (!fold.valid) return { caseId, version: fold.failedVersion, problem: fold.problem };
  const readModel = checkProjection(projection, events, fold);
  if (readModel.consistent) return null;
  // A read model ahead of the stream means the stream lost its tail: the first missing version is the broken one.
  const last = events.at(-1)?.version ?? 0;
  const recorded = readModel.recordedVersion;
  const version = recorded === null ? last : recorded === last ? recorded : Math.min(recorded, last) + 1;
  return { caseId, version, problem: readModel.problem! };
}
