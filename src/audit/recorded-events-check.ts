import { REDACTED } from '../domain/sensitive-fields';
import type { StoredCaseEvent } from '../event-store/event-store.port';
import { recordingsIn, type CaseRecording, type RecordedPayloadReader } from './case-recordings';
import { firstFieldDifference, type RecordedCaseEvent } from './recorded-event-difference';
import type { RecordedWorkflowHistory } from './workflow-replayer';
import { workflowIdFor } from '../domain/case-workflow-id';

/** Whether the stored events are the ones the workflows recorded; `unavailable` when the recordings cannot be read. */
export type RecordedEventsStatus = 'passed' | 'mismatch' | 'unavailable';

/** The first version at which the stored stream and the recordings disagree. */
export interface RecordedEventMismatch {
  readonly version: number;
  /** The differing field, such as `data.riskLevel`; null when the finding is about a whole event (missing, unrecorded, doubled). */
  readonly field: string | null;
  /** The stored value (the event's type for a whole-event finding); `[redacted]` for a sensitive field. */
  readonly stored: unknown;
  /** The value the history recorded, likewise. */
  readonly recorded: unknown;
  readonly problem: string;
}

/** How a case's stored events compare, one by one, with the events its workflow histories recorded. */
export interface RecordedEventsCheck {
  readonly caseId: string;
  readonly status: RecordedEventsStatus;
  /** Stored events that were compared with the recording that claims their version. */
  readonly comparedEvents: number;
  /** `recordCaseEvents` calls found in the histories, each idempotency key counted once. */
  readonly recordings: number;
  readonly firstMismatch: RecordedEventMismatch | null;
  readonly problem: string | null;
}

// Appended after the case's end by others than the case workflow: the archiver (whose hash the archive check answers
// for), the retention review and an approved erasure request.
const RECORDED_AFTER_THE_CASE = ['HistoryArchived', 'CaseDataDestroyed', 'PersonalDataErased'];

/** The stored events a case workflow records itself: all but those others append after the case ended. */
export function eventsTheWorkflowRecorded(events: readonly StoredCaseEvent[]): StoredCaseEvent[] {
  return events.filter((event) => !RECORDED_AFTER_THE_CASE.includes(event.type as string));
}

/**
 * Compares a case's stored events with what its workflow histories recorded through `recordCaseEvents`, reading the
 * recorded payloads through `reader`; unavailable without the case workflow's history or a key its recordings need.
 */
export async function checkRecordedEvents(
  caseId: string, events: readonly StoredCaseEvent[], histories: readonly RecordedWorkflowHistory[], reader: RecordedPayloadReader,
): Promise<RecordedEventsCheck> {
  const caseWorkflowId = workflowIdFor(caseId);
  if (!histories.some(({ workflowId }) => workflowId === caseWorkflowId)) {
    return unavailable(caseId, `there is no history of ${caseWorkflowId} to compare the stored events with`);
  }
  const { recordings, unreadable } = await recordingsIn(histories, reader);
  return recordings ? compareWithRecordings(caseId, events, recordings) : unavailable(caseId, unreadable);
}

/** Event by event, whether the stored events are exactly those the recordings claim: nothing forged, changed or lost. */
export function compareWithRecordings(caseId: string, events: readonly StoredCaseEvent[], recordings: readonly CaseRecording[]): RecordedEventsCheck {
  // A workflow of this case records only this case's events; a recording for another case claims nothing here.
  const distinct = distinctByIdempotencyKey(recordings.filter(({ input }) => input.caseId === caseId));
  const stored = byVersion(events);
  const { claims, doubleClaims } = claimedVersions(distinct, stored);
  // Versions in order, so the first finding is the earliest; a version neither stored nor claimed has nothing to compare.
  const versions = [...new Set([...stored.keys(), ...claims.keys()])].sort((a, b) => a - b);
  let comparedEvents = 0;
  let firstMismatch: RecordedEventMismatch | null = null;
  for (const version of versions) {
    const atVersion = stored.get(version) ?? [];
    const claim = claims.get(version);
    const found = doubleClaims.get(version) ?? presenceMismatch(version, atVersion, claim)
      ?? (claim && atVersion.length === 1 ? versionMismatch(version, atVersion[0], claim) : null);
    if (claim && atVersion.length === 1) comparedEvents++;
    firstMismatch ??= found;
  }
  const status = firstMismatch ? 'mismatch' : 'passed';
  return { caseId, status, comparedEvents, recordings: distinct.length, firstMismatch, problem: firstMismatch?.problem ?? null };
}

interface Claim {
  readonly recording: CaseRecording;
  readonly index: number;
}

const OUTCOME_RANK = { completed: 0, pending: 1, timedOut: 1, failed: 2, canceled: 2 } as const;

// One key is one append however often it shows up (a history given twice, say); the call that got furthest speaks for it.
function distinctByIdempotencyKey(recordings: readonly CaseRecording[]): CaseRecording[] {
  const byKey = new Map<string, CaseRecording>();
  for (const recording of recordings) {
    const kept = byKey.get(recording.input.idempotencyKey);
    if (!kept || OUTCOME_RANK[recording.outcome] < OUTCOME_RANK[kept.outcome]) byKey.set(recording.input.idempotencyKey, recording);
  }
  return [...byKey.values()];
}

function byVersion(events: readonly StoredCaseEvent[]): Map<number, StoredCaseEvent[]> {
  const versions = new Map<number, StoredCaseEvent[]>();
  for (const event of events) versions.set(event.version, [...versions.get(event.version) ?? [], event]);
  return versions;
}

/**
 * The recording that claims each version. A completed append claims its versions. A failed or cancelled one rolled
 * back and claims none. One without an end, or that timed out, may have committed before its answer was lost: it claims
 * its versions once any of them is stored (an append is atomic, so then all must be), unless a completed append holds
 * one of them, in which case it cannot have committed, as the store checks the expected version.
 */
function claimedVersions(recordings: readonly CaseRecording[], stored: ReadonlyMap<number, readonly StoredCaseEvent[]>) {
  const claims = new Map<number, Claim>();
  const doubleClaims = new Map<number, RecordedEventMismatch>();
  const versionsOf = ({ input }: CaseRecording) => input.events.map((_, index) => input.expectedVersion + index + 1);
  for (const recording of recordings.filter(({ outcome }) => outcome === 'completed')) {
    versionsOf(recording).forEach((version, index) => {
      const earlier = claims.get(version);
      if (!earlier) claims.set(version, { recording, index });
      else if (!doubleClaims.has(version)) doubleClaims.set(version, doubleClaim(version, earlier.recording, recording));
    });
  }
  for (const recording of recordings.filter(({ outcome }) => outcome === 'pending' || outcome === 'timedOut')) {
    const versions = versionsOf(recording);
    if (versions.some((version) => claims.has(version)) || !versions.some((version) => stored.has(version))) continue;
    versions.forEach((version, index) => claims.set(version, { recording, index }));
  }
  return { claims, doubleClaims };
}

function presenceMismatch(version: number, atVersion: readonly StoredCaseEvent[], claim: Claim | undefined): RecordedEventMismatch | null {
  const recordedType = claim ? claim.recording.input.events[claim.index].type : null;
  if (atVersion.length > 1) {
    const problem = `version ${version} is stored ${atVersion.length} times`;
    return { version, field: null, stored: atVersion.map(({ type }) => type), recorded: recordedType, problem };
  }
  if (atVersion.length === 0 && claim) {
    return {
      version, field: null, stored: null, recorded: recordedType,
      problem: `version ${version} was recorded by ${recordingName(claim.recording)} but is not stored: the stream was truncated or the event deleted`,
    };
  }
  if (atVersion.length === 1 && !claim) {
    const problem = `version ${version} is stored but no workflow history recorded it`;
    return { version, field: null, stored: atVersion[0].type, recorded: null, problem };
  }
  return null;
}

function versionMismatch(version: number, stored: StoredCaseEvent, { recording, index }: Claim): RecordedEventMismatch | null {
  const answered = index === 0 ? answeredRangeMismatch(version, recording) : null;
  if (answered) return answered;
  const difference = firstFieldDifference(stored, recordedEvent(recording, index));
  if (!difference) return null;
  const { field } = difference;
  return {
    version, field, stored: difference.stored ?? null, recorded: difference.recorded ?? null,
    problem: `version ${version} differs from what ${recordingName(recording)} recorded in ${field}: `
      + `stored ${shown(difference.stored)}, recorded ${shown(difference.recorded)}`,
  };
}

// The store's answer is in the history too: an append that landed elsewhere than asked is a finding of its own.
function answeredRangeMismatch(version: number, recording: CaseRecording): RecordedEventMismatch | null {
  const { result, input } = recording;
  if (!result) return null;
  const asked = { fromVersion: input.expectedVersion + 1, toVersion: input.expectedVersion + input.events.length };
  const field = (['fromVersion', 'toVersion'] as const).find((name) => result[name] !== asked[name]);
  if (!field) return null;
  return {
    version, field: `result.${field}`, stored: result[field] ?? null, recorded: asked[field],
    problem: `${recordingName(recording)} asked for versions ${asked.fromVersion}–${asked.toVersion}, `
      + `but the store answered ${String(result.fromVersion)}–${String(result.toVersion)}`,
  };
}

function recordedEvent({ input, workflowId, runId, activityId }: CaseRecording, index: number): RecordedCaseEvent {
  return { ...input.events[index], caseId: input.caseId, idempotencyKey: input.idempotencyKey, causation: { workflowId, runId, activityId } };
}

function doubleClaim(version: number, first: CaseRecording, second: CaseRecording): RecordedEventMismatch {
  return {
    version, field: null, stored: null, recorded: null,
    problem: `version ${version} was recorded twice, by ${recordingName(first)} and by ${recordingName(second)}`,
  };
}

function recordingName({ workflowId, activityId, input }: CaseRecording): string {
  return `${workflowId} (activity ${activityId}, key ${input.idempotencyKey})`;
}

function shown(value: unknown): string {
  if (value === REDACTED) return REDACTED;
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

function unavailable(caseId: string, problem: string): RecordedEventsCheck {
  return { caseId, status: 'unavailable', comparedEvents: 0, recordings: 0, firstMismatch: null, problem };
}
