import { CASE_EVENT_TYPES, type CaseEventType } from './case.events';
import { LITERAL_TEXT_CODE, isDomainText } from './domain-text';
import { SENSITIVE_EVENT_FIELDS, SENSITIVE_REQUEST_FIELDS, SENSITIVE_STATE_FIELDS, mapSensitiveLeaves } from './sensitive-fields';
import type { SupportRequest } from './support-request';

/*
 * What Brigade hands Temporal (a workflow's input, an update's arguments, an activity's input and result, a query's
 * answer) carries the same sensitive texts as the events, in other shapes. A payload does not say which message it
 * belongs to, so its parts are recognised by the keys they have: a support request, an event, a case state, a person's
 * decision, and any literal text. Keys, not values, decide, so a part whose texts are already sealed is recognised alike.
 * The workflow never decides on these texts, only passes them on, so a history whose texts are unreadable still replays.
 */

/** The free texts a person's decision (the argument of an update or signal, which names its `actor`) may carry. */
const DECISION_TEXT_FIELDS = ['reason', 'note', 'override.reason', 'outcomes', 'notes', 'summary', 'concern'] as const;

/** The keys an expert's name goes by beside their id: a team member's and a pool profile's `name`, an offer's `expertName`. */
const EXPERT_NAME_KEYS = ['name', 'expertName'] as const;

/** The path prefix of the office holder's fields within a support request: those are sealed under the person's key. */
const OFFICE_HOLDER_PREFIX = 'officeHolder.';

/** Where a sensitive leaf sits in a payload, and whose it is: an office holder's (of this request), an expert's name, or the case's. */
export interface PayloadLeafPlace {
  /** The dotted path from the payload's root, with concrete list positions down to the part and `*` inside it. */
  readonly path: string;
  readonly officeHolderOf: SupportRequest | null;
  /** The expert whose name this is, beside their id (an offer, a team member, a pool profile) or as an event's actor. */
  readonly expertId: string | null;
}

const eventTypes: ReadonlySet<string> = new Set(CASE_EVENT_TYPES);

/**
 * The payload's value with every sensitive leaf replaced by what `replace` makes of it; the input is never changed.
 * `replace` hears every leaf at a sensitive place, whatever it holds, and returns it as it is to leave it.
 */
export function mapSensitivePayloadLeaves(value: unknown, replace: (leaf: unknown, place: PayloadLeafPlace) => unknown): unknown {
  return walk(value, '', replace);
}

function walk(node: unknown, path: string, replace: (leaf: unknown, place: PayloadLeafPlace) => unknown): unknown {
  if (Array.isArray(node)) return node.map((item, index) => walk(item, join(path, String(index)), replace));
  if (typeof node !== 'object' || node === null) return node;
  const record = node as Record<string, unknown>;
  const request = isSupportRequest(record) ? (record as unknown as SupportRequest) : null;
  const sensitive = mapSensitiveLeaves(record, sensitivePathsOf(record), (leaf, relative) => replace(leaf, {
    path: join(path, relative), officeHolderOf: request && relative.startsWith(OFFICE_HOLDER_PREFIX) ? request : null, expertId: null,
  }));
  const mapped = mapExpertName(sensitive, path, replace);
  const literal = isDomainText(mapped) && mapped.code === LITERAL_TEXT_CODE;
  return Object.fromEntries(Object.entries(mapped).map(([key, child]) => {
    // A literal text's own words were handed to `replace` above (or are, here, when no part around it was recognised).
    if (literal && key === 'params') return [key, literalParams(child, join(path, key), replace)];
    return [key, walk(child, join(path, key), replace)];
  }));
}

function literalParams(params: unknown, path: string, replace: (leaf: unknown, place: PayloadLeafPlace) => unknown): unknown {
  if (typeof params !== 'object' || params === null || !('text' in params)) return params;
  return { ...params, text: replace((params as { text: unknown }).text, { path: join(path, 'text'), officeHolderOf: null, expertId: null }) };
}

/** The part with the expert's name it holds beside their id, or as an expert actor's, handed to `replace`. */
function mapExpertName(record: Record<string, unknown>, path: string, replace: (leaf: unknown, place: PayloadLeafPlace) => unknown): Record<string, unknown> {
  const expertId = typeof record.expertId === 'string' ? record.expertId
    : record.role === 'expert' && typeof record.id === 'string' ? record.id : null;
  if (expertId === null) return record;
  const keys = EXPERT_NAME_KEYS.filter((key) => key in record);
  if (keys.length === 0) return record;
  return { ...record, ...Object.fromEntries(keys.map((key) => [key, replace(record[key], { path: join(path, key), officeHolderOf: null, expertId })])) };
}

/** The paths, relative to this part, of its sensitive texts, by the kind of part its keys say it is. */
function sensitivePathsOf(record: Record<string, unknown>): readonly string[] {
  if (isSupportRequest(record)) return SENSITIVE_REQUEST_FIELDS;
  // A received request is recognised on its own one level down, with its office holder.
  if (typeof record.type === 'string' && eventTypes.has(record.type) && 'data' in record) {
    return record.type === 'RequestReceived' ? [] : SENSITIVE_EVENT_FIELDS[record.type as CaseEventType].map((field) => `data.${field}`);
  }
  if ('caseId' in record && 'stage' in record && 'team' in record) return SENSITIVE_STATE_FIELDS;
  if ('actor' in record) {
    // A task's outcome is the expert's words; an intervention's is one of three codes the workflow decides on.
    return [...DECISION_TEXT_FIELDS, ...('taskId' in record ? ['outcome'] : [])].filter((field) => field.split('.')[0] in record);
  }
  return [];
}

function isSupportRequest(record: Record<string, unknown>): boolean {
  return 'description' in record && 'category' in record && 'requesterRole' in record;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
