import type { CaseEventType, NewCaseEvent } from '../domain/case.events';
import { EXPERT_NAME_EVENT_FIELDS, expertNamePath } from '../domain/expert-names';
import { DESTROYED, REDACTED, SENSITIVE_EVENT_FIELDS } from '../domain/sensitive-fields';
import type { Causation, StoredCaseEvent } from '../event-store/event-store.port';
import { isSealedValue } from '../field-encryption/sealed-value';

/** An event as a workflow history recorded it: what the workflow proposed, with the envelope the store gives it. */
export type RecordedCaseEvent = NewCaseEvent & {
  readonly caseId: string;
  readonly idempotencyKey: string;
  readonly causation: Causation;
};

/** The first field in which a stored event differs from its recording; sensitive values read as `REDACTED`. */
export interface FieldDifference {
  /** A dotted path such as `data.riskLevel`, with list positions in brackets: `data.members[2].name`. */
  readonly field: string;
  readonly stored: unknown;
  readonly recorded: unknown;
}

type PathSegment = string | number;

/**
 * The first field, in the order an auditor reads an event, in which a stored event differs from what was recorded. Both
 * are best read opened; a sensitive field that either side holds still sealed (no key at hand, as offline), redacted
 * or destroyed cannot be compared, and is no difference: its ciphertext is still covered by the hash chain.
 */
export function firstFieldDifference(stored: StoredCaseEvent, recorded: RecordedCaseEvent): FieldDifference | null {
  const uncomparable = (path: readonly PathSegment[], storedValue: unknown, recordedValue: unknown) => (isUnreadable(storedValue) || isUnreadable(recordedValue))
    && ((path[0] === 'data' && isSensitive(recorded.type, path.slice(1))) || isActorName(path));
  const difference = firstDifference(comparable(stored), comparable(recorded), [], uncomparable);
  if (!difference) return null;
  const { path } = difference;
  const hidden = (path[0] === 'data' && isSensitive(recorded.type, path.slice(1))) || isActorName(path);
  return {
    field: path.map((segment, index) => typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`).join(''),
    stored: hidden ? REDACTED : difference.stored,
    recorded: hidden ? REDACTED : difference.recorded,
  };
}

// The fields a workflow decides, in reading order. `recordedAt` is left out: the database sets it when it commits the
// append, so no history holds it and it cannot be checked against one. The JSON round trip drops what JSONB drops.
function comparable(event: StoredCaseEvent | RecordedCaseEvent): unknown {
  return JSON.parse(JSON.stringify({
    caseId: event.caseId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    actor: { role: event.actor?.role, id: event.actor?.id, name: event.actor?.name, via: event.actor?.via },
    occurredAt: isoTime(event.occurredAt),
    idempotencyKey: event.idempotencyKey,
    causation: { workflowId: event.causation?.workflowId, runId: event.causation?.runId, activityId: event.causation?.activityId },
  }));
}

// The store writes occurredAt as a timestamp and reads it back in ISO form, so the same instant may be spelled otherwise.
function isoTime(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? value : time.toISOString();
}

interface Difference {
  readonly path: readonly PathSegment[];
  readonly stored: unknown;
  readonly recorded: unknown;
}

function firstDifference(
  stored: unknown, recorded: unknown, path: readonly PathSegment[], uncomparable: (path: readonly PathSegment[], stored: unknown, recorded: unknown) => boolean,
): Difference | null {
  if (uncomparable(path, stored, recorded)) return null;
  if (isRecord(stored) && isRecord(recorded)) {
    for (const key of new Set([...Object.keys(recorded), ...Object.keys(stored)])) {
      const difference = firstDifference(stored[key], recorded[key], [...path, key], uncomparable);
      if (difference) return difference;
    }
    return null;
  }
  if (Array.isArray(stored) && Array.isArray(recorded)) {
    for (let index = 0; index < Math.max(stored.length, recorded.length); index++) {
      const difference = firstDifference(stored[index], recorded[index], [...path, index], uncomparable);
      if (difference) return difference;
    }
    return null;
  }
  return stored === recorded ? null : { path, stored, recorded };
}

// An expert's name as the actor of their own event is sealed in the store like the names in the data.
function isActorName(path: readonly PathSegment[]): boolean {
  return path.length === 2 && path[0] === 'actor' && path[1] === 'name';
}

// A sensitive value that cannot be read here: sealed in the store or in a Temporal payload, redacted, or destroyed.
function isUnreadable(value: unknown): boolean {
  return value === DESTROYED || value === REDACTED || isSealedValue(value) || (isRecord(value) && '$payloadSealed' in value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// A difference is sensitive at or under a sensitive field, and also above one, where its values would contain it.
function isSensitive(type: string, dataPath: readonly PathSegment[]): boolean {
  const known = SENSITIVE_EVENT_FIELDS[type as CaseEventType] as readonly string[] | undefined;
  const sensitive = known && [...known, ...(EXPERT_NAME_EVENT_FIELDS[type as CaseEventType] ?? []).map(expertNamePath)];
  // A type outside the catalogue has no list of its free text, so all of its data is kept out of the report.
  if (!sensitive) return true;
  const segments = dataPath.map((segment) => typeof segment === 'number' ? '*' : segment);
  return sensitive.some((field) => {
    const parts = field.split('.');
    return parts.slice(0, segments.length).every((part, index) => part === segments[index]);
  });
}
