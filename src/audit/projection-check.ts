import type { HistoryFold } from '../domain/case-history';
import type { CaseState } from '../domain/case.state';
import { upcastCaseState } from '../domain/case-state-upcaster';
import { canonicalJson } from '../domain/canonical-json';
import { EXPERT_NAME_STATE_FIELDS, mapExpertNames } from '../domain/expert-names';
import { SENSITIVE_STATE_FIELDS, mapSensitiveLeaves } from '../domain/sensitive-fields';

// What every sensitive value of a state is compared as.
const SENSITIVE_VALUE = '[sensitive]';

/** What the `cases` read model holds for a case: where it thinks the stream ends, and the state it shows. */
export interface RecordedProjection {
  readonly version: number;
  readonly lastHash: string;
  readonly state: CaseState;
}

/** Whether the read model shows what the events say; a drifted read model is an audit finding of its own. */
export interface ProjectionCheck {
  readonly consistent: boolean;
  /** The version the read model records; null when it has no row for the case. */
  readonly recordedVersion: number | null;
  readonly problem: string | null;
}

/**
 * Compares the read model's row with the stream it was built from and with the fold of that stream. Sealed, their
 * sensitive values only count as present (the row seals under nonces of its own); `opened` says both sides were opened
 * with the case's keys, and then those values are compared too, so a value moved or replaced in the row shows.
 */
export function checkProjection(
  recorded: RecordedProjection | null,
  events: ReadonlyArray<{ readonly version: number; readonly hash: string }>,
  fold: HistoryFold,
  opened = false,
): ProjectionCheck {
  const last = events.at(-1);
  const finding = (problem: string): ProjectionCheck => ({ consistent: false, recordedVersion: recorded?.version ?? null, problem });
  if (!recorded) {
    return last ? finding(`the read model has no row for the case, whose stream ends at version ${last.version}`)
      : { consistent: true, recordedVersion: null, problem: null };
  }
  if (!last) return finding(`the read model is at version ${recorded.version}, but the case has no events`);
  if (recorded.version !== last.version) return finding(`the read model is at version ${recorded.version}, but the stream ends at version ${last.version}`);
  if (recorded.lastHash !== last.hash) return finding(`the read model's last hash is not the hash of version ${last.version}`);
  if (!fold.valid) return finding('the read model cannot be compared: the events do not fold into a state');
  // The fold reads old events upcast, so the row is read upcast too: a row folded before texts were coded is no drift.
  const comparable = opened ? (state: CaseState) => state : withoutSensitiveValues;
  const drifted = differingFields(comparable(upcastCaseState(recorded.state)), fold.state && comparable(fold.state));
  if (drifted.length > 0) return finding(`the read model's state differs from the fold of the events in: ${drifted.join(', ')}`);
  return { consistent: true, recordedVersion: recorded.version, problem: null };
}

// The row seals its sensitive fields under fresh nonces, so their ciphertext never equals the events'; without keys the
// audit compares everything else, and that each sensitive field is present where the events put one.
function withoutSensitiveValues(state: CaseState): CaseState {
  return mapExpertNames(mapSensitiveLeaves(state, SENSITIVE_STATE_FIELDS, () => SENSITIVE_VALUE), EXPERT_NAME_STATE_FIELDS, () => SENSITIVE_VALUE);
}

// Compared canonically: jsonb keeps no key order and drops undefined values, so only the content may count.
function differingFields(recorded: CaseState, folded: CaseState | null): string[] {
  const left = recorded as unknown as Record<string, unknown>;
  const right = (folded ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(left), ...Object.keys(right)])]
    .filter((key) => canonicalJson(left[key] ?? null) !== canonicalJson(right[key] ?? null))
    .sort();
}
