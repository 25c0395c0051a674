import type { CaseEventPayloads, CaseEventType } from './case.events';
import type { CaseState } from './case.state';
import type { Actor } from './case.vocabulary';
import { LITERAL_TEXT_CODE, isDomainText, type DomainText } from './domain-text';
import type { SupportRequest } from './support-request';

/*
 * The brigade works behind the scenes: who is threatened, and what people wrote about a case, must reach only those who
 * need it. A field is sensitive when it names or describes a person (the office holder) or holds text a person typed,
 * since free text can say anything about anyone. Identifiers, enumerations, times, counts, workflow-written phrases and
 * the coarse facts that matching and an offered expert decide on (category, municipality, region, requester role, event
 * date, risk indicators and level) are not.
 *
 * Paths are dotted; `*` stands for every element of a list. A path that ends at a coded text (`DomainText`) redacts
 * only the literal texts in it, which is where a person's words travel; its code and the workflow's parameters stay.
 */

/** What a sensitive value reads as where its reader may not see it. */
export const REDACTED = '[redacted]';

/**
 * What a sensitive value reads as once the key that sealed it was destroyed (retention, erasure): language-neutral like
 * `REDACTED`, and rendered as "vernietigd" or "destroyed" where a person reads it.
 */
export const DESTROYED = '[destroyed]';

/**
 * The sensitive fields of a support request. The office holder's office counts too: with the municipality beside it,
 * "wethouder wonen" names one person. These two fields live only in the `RequestReceived` event (and the workflow's
 * input); the case state never copies them, so the read model and the workflow's live view hold no office holder.
 */
export const SENSITIVE_REQUEST_FIELDS = ['description', 'officeHolder.name', 'officeHolder.office', 'officeHolder.details'] as const;

/**
 * For every event type, the paths in its data that hold sensitive text. The record names every type, so a new event
 * does not compile until someone has decided about its fields.
 */
export const SENSITIVE_EVENT_FIELDS: { readonly [T in CaseEventType]: readonly string[] } = {
  RequestReceived: SENSITIVE_REQUEST_FIELDS.map((path) => `request.${path}`),
  // Reasons are fixed phrases computed from the indicators, which are not sensitive either.
  IntakeAssessed: [],
  RequestAccepted: ['note'],
  RequestRejected: ['reason'],
  // The expert's name is a brigade member's, which every team view shows; it says nothing about the case.
  ExpertOffered: [],
  OfferAccepted: [],
  // An expert may say why they decline, such as knowing the office holder.
  OfferDeclined: ['reason'],
  OfferExpired: [],
  // Written by the workflow ("the team is complete", "the case was cancelled"), never by a person.
  OfferWithdrawn: [],
  // The override's conflict is a code; its reason is the coordinator's own words, often about the expert's ties there.
  ExpertAssignedManually: ['note', 'override.reason'],
  TeamAssembled: [],
  PreparatorySessionScheduled: ['note'],
  // Titles come from the category's preparation template.
  TaskAssigned: [],
  TaskCompleted: ['outcome'],
  // Written by the workflow.
  TaskWithdrawn: [],
  // Written by the workflow when an expert leaves the pool, or an id chosen by the coordinator.
  TaskReturned: [],
  TaskReassigned: [],
  TeamMemberRemoved: [],
  LeadAppointed: [],
  PreparatorySessionHeld: ['outcomes'],
  // The outcome is one of calm, tense or incident; the notes are the lead's own words.
  InterventionReported: ['notes'],
  RiskLevelChanged: ['reason'],
  ConcernRaised: ['concern'],
  // The reason quotes what people wrote (a concern, a risk reason, intervention notes); the subject holds only ids.
  EscalationRaised: ['reason'],
  EscalationLevelIncreased: [],
  EscalationAcknowledged: [],
  // An outcome and a resolution code.
  EscalationResolved: [],
  FollowUpScheduled: [],
  FollowUpCompleted: ['notes'],
  CaseEvaluated: ['summary'],
  CaseCancelled: ['reason'],
  CaseClosed: ['summary'],
  // Ids, a hash and counts; the history it points to stays encrypted in the archive.
  HistoryArchived: [],
  // Who was told and how, by role and id; the message's content and address never enter the event.
  NotificationSent: [],
  NotificationFailed: [],
  // Ids of the list, the rule, the approvers and the keys: what was destroyed, never any of it.
  CaseDataDestroyed: [],
  // Codes, actor ids and field paths; the person is named by no field.
  PersonalDataErased: [],
};

/**
 * The paths in a case state that hold sensitive text: the free text the events above carry into it. Risk reasons mix
 * the intake's coded reasons with people's reasons for a risk change, which are literal texts and so the ones redacted;
 * the risk level itself is not sensitive.
 */
export const SENSITIVE_STATE_FIELDS = [
  'riskReasons.*', 'rejectionReason', 'tasks.*.outcome', 'session.outcomes', 'intervention.notes', 'openEscalations.*.reason',
  'evaluation', 'cancellationReason',
] as const;

/**
 * Whether a reader may see a case's sensitive fields: coordinators, who run the case; auditors, who must recompute the
 * hashes over the complete stored events and would read them there anyway; and the experts on the case's team. An
 * expert who is only offered the case decides on it from the coarse facts, and the system sees nothing through the API.
 */
export function maySeeSensitiveFields(reader: Actor, state: Pick<CaseState, 'team'>): boolean {
  if (reader.role === 'coordinator' || reader.role === 'auditor') return true;
  return reader.role === 'expert' && state.team.some((member) => member.expertId === reader.id);
}

/** The support request with its description and office holder replaced by `REDACTED`. */
export function redactSupportRequest(request: SupportRequest): SupportRequest {
  return redactPaths(request, SENSITIVE_REQUEST_FIELDS);
}

/** The event with the sensitive fields of its data replaced by `REDACTED`; the envelope stays as it was. */
export function redactCaseEvent<E extends { readonly type: CaseEventType; readonly data: CaseEventPayloads[CaseEventType] }>(event: E): E {
  return { ...event, data: redactPaths(event.data, SENSITIVE_EVENT_FIELDS[event.type]) };
}

/** The case state with its sensitive fields replaced by `REDACTED`; what is empty or null stays so, as nothing is hidden there. */
export function redactCaseState(state: CaseState): CaseState {
  return redactPaths(state, SENSITIVE_STATE_FIELDS);
}

/**
 * The value with every sensitive leaf at `paths` replaced by what `replace` makes of it; the one walker that redaction,
 * sealing and opening share. A path that ends at a coded text reaches only its literal texts, however deep among its
 * parameters; any other value at a path's end is one leaf, whatever its shape. `replace` hears the path as written
 * (with `*`), so a value may be bound to its field but not to its place in a list. The input is never changed.
 */
export function mapSensitiveLeaves<T>(value: T, paths: readonly string[], replace: (leaf: unknown, path: string) => unknown): T {
  return paths.reduce<T>((mapped, path) => mapAt(mapped, path.split('.'), (leaf) => replace(leaf, path)) as T, value);
}

function redactPaths<T>(value: T, paths: readonly string[]): T {
  return mapSensitiveLeaves(value, paths, () => REDACTED);
}

// Copies only along the path, so the rest is shared.
function mapAt(value: unknown, path: readonly string[], replace: (leaf: unknown) => unknown): unknown {
  if (value === null || value === undefined) return value;
  if (path.length === 0) return isDomainText(value) ? mapLiterals(value, replace) : replace(value);
  const [head, ...rest] = path;
  if (head === '*') return Array.isArray(value) ? value.map((item) => mapAt(item, rest, replace)) : value;
  if (typeof value !== 'object' || !(head in value)) return value;
  return { ...value, [head]: mapAt((value as Record<string, unknown>)[head], rest, replace) };
}

// A person's words travel in a coded text only as literal texts, so only those are leaves.
function mapLiterals(text: DomainText, replace: (leaf: unknown) => unknown): DomainText {
  if (text.code === LITERAL_TEXT_CODE) return { ...text, params: { ...text.params, text: replace(text.params?.text) as string } };
  if (text.params === undefined) return text;
  const params = Object.fromEntries(Object.entries(text.params).map(([name, value]) => [name, isDomainText(value) ? mapLiterals(value, replace) : value]));
  return { ...text, params };
}
