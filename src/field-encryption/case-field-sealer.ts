import type { CaseEventPayloads, CaseEventType } from '../domain/case.events';
import type { CaseState } from '../domain/case.state';
import type { Actor } from '../domain/case.vocabulary';
import { EXPERT_NAME_EVENT_FIELDS, EXPERT_NAME_STATE_FIELDS, mapExpertNames, type ExpertNamePlace } from '../domain/expert-names';
import { DESTROYED, REDACTED, SENSITIVE_EVENT_FIELDS, SENSITIVE_STATE_FIELDS, mapSensitiveLeaves } from '../domain/sensitive-fields';
import type { SupportRequest } from '../domain/support-request';
import type { DataKey, DataKeyStore } from '../key-store/data-key-store.port';
import { expertKeysOf, type ExpertKey } from './expert-keys';
import { sealValue, type SealedPlace } from './field-cipher';
import { PERSON_FIELD_PREFIX, currentPersonKey } from './person-scope';
import { isSealedValue, sealedAsText, sealedInText, type SealedValue } from './sealed-value';

/** An event as far as sealing needs it: its type, its data, and who caused it. */
export interface SealableEvent {
  readonly type: CaseEventType;
  readonly data: CaseEventPayloads[CaseEventType];
  readonly actor?: Actor;
}

/** The field a sealed event value is bound to: the event type and the path, so it cannot be moved to another event's field. */
export function eventField(type: CaseEventType, path: string): string {
  return `${type}:${path}`;
}

/** The field a sealed state value is bound to. */
export function stateField(path: string): string {
  return `state:${path}`;
}

/**
 * The field an expert's name in a case state is bound to: the expert, not the place, since folding moves it (an open
 * offer's name becomes a team member's when the offer is accepted) without opening it.
 */
export function stateExpertNameField(expertId: string): string {
  return `state:expertName:${expertId}`;
}

/** The path of an event's actor's name, bound like a data path. */
export const ACTOR_NAME_PATH = 'actor.name';

/** The name of an event's actor when it is an expert's, written plain; only then is it sealed, under their key. */
export function plainExpertActorName(actor: Actor | undefined): string | undefined {
  return actor?.role === 'expert' && isPlainName(actor.name) && sealedInText(actor.name) === undefined ? actor.name : undefined;
}


/**
 * Seals the sensitive fields of events and case states before they are stored under the case's key; the office
 * holder's, and every expert's name, are sealed again around that under the person's own key, so that the case's
 * retention and the person's erasure each make them unreadable. A value already sealed stays as it is, so a state
 * carried from one append to the next is sealed only where the append added something.
 */
export class CaseFieldSealer {
  constructor(private readonly keyStore: DataKeyStore) {}

  /** The event with each plain sensitive leaf and expert's name sealed; an event without any keeps every key untouched. */
  async sealEvent<E extends SealableEvent>(caseId: string, event: E): Promise<E> {
    const paths = SENSITIVE_EVENT_FIELDS[event.type];
    const names = EXPERT_NAME_EVENT_FIELDS[event.type] ?? [];
    const actorName = plainExpertActorName(event.actor);
    if (!hasPlainLeaf(event.data, paths) && plainNameIds(event.data, names).length === 0 && actorName === undefined) return event;
    const caseKey = await this.keyStore.keyFor({ kind: 'case', caseId });
    const person = event.type === 'RequestReceived' ? await this.personKey((event.data as CaseEventPayloads['RequestReceived']).request) : null;
    const experts = await expertKeysOf([...plainNameIds(event.data, names), ...(actorName === undefined ? [] : [event.actor!.id])], this.keyStore);
    const sensitive = mapSensitiveLeaves(event.data, paths, (leaf, path) => {
      // A marker of a value destroyed or withheld upstream says nothing, and stays a marker.
      if (isSealedValue(leaf) || leaf === DESTROYED || leaf === REDACTED) return leaf;
      const place = { caseId, field: eventField(event.type, path) };
      const underCaseKey = sealValue(leaf, caseKey, place);
      // The person's key outside, so an erasure finds the person's values by its id; the case's inside, so the case's
      // retention destroys them too: whichever key goes first, the office holder can no longer be read in this case.
      return person && path.startsWith(PERSON_FIELD_PREFIX) ? sealValue(underCaseKey, person, place) : underCaseKey;
    });
    const data = sealNames(sensitive, names, experts, caseKey, (path) => ({ caseId, field: eventField(event.type, path) }));
    if (actorName === undefined) return { ...event, data };
    const sealedName = sealName(actorName, experts.get(event.actor!.id)!, caseKey, { caseId, field: eventField(event.type, ACTOR_NAME_PATH) });
    // The envelope's name is a text column: the seal is kept there as its JSON text.
    return { ...event, data, actor: { ...event.actor!, name: typeof sealedName === 'string' ? sealedName : sealedAsText(sealedName as SealedValue) } };
  }

  /** The state with each plain sensitive leaf sealed under the case's key, and each expert's name under theirs around it. */
  async sealState(state: CaseState): Promise<CaseState> {
    const nameIds = plainNameIds(state, EXPERT_NAME_STATE_FIELDS);
    if (!hasPlainLeaf(state, SENSITIVE_STATE_FIELDS) && nameIds.length === 0) return state;
    const key = await this.keyStore.keyFor({ kind: 'case', caseId: state.caseId });
    const sealed = mapSensitiveLeaves(state, SENSITIVE_STATE_FIELDS, (leaf, path) => (
      isSealedValue(leaf) ? leaf : sealValue(leaf, key, { caseId: state.caseId, field: stateField(path) })
    ));
    const experts = await expertKeysOf(nameIds, this.keyStore);
    return sealNames(sealed, EXPERT_NAME_STATE_FIELDS, experts, key, (_path, expertId) => ({ caseId: state.caseId, field: stateExpertNameField(expertId) }));
  }

  private personKey(request: SupportRequest): Promise<DataKey | null> {
    return currentPersonKey(request, this.keyStore);
  }
}

function sealNames<T>(value: T, places: readonly ExpertNamePlace[], experts: ReadonlyMap<string, ExpertKey>, caseKey: DataKey, placeOf: (path: string, expertId: string) => SealedPlace): T {
  return mapExpertNames(value, places, (name, expertId, path) => (isPlainName(name) ? sealName(name, experts.get(expertId)!, caseKey, placeOf(path, expertId)) : name));
}

// Under the case key, and that under the expert's; an erased expert's name is not written at all.
function sealName(name: string, expertKey: ExpertKey, caseKey: DataKey, place: SealedPlace): unknown {
  if (expertKey === 'destroyed') return DESTROYED;
  const underCaseKey = sealValue(name, caseKey, place);
  return expertKey === 'none' ? underCaseKey : sealValue(underCaseKey, expertKey, place);
}

/** The ids of the experts whose names at `places` are still plain. */
function plainNameIds(value: unknown, places: readonly ExpertNamePlace[]): string[] {
  const ids: string[] = [];
  mapExpertNames(value, places, (name, expertId) => {
    if (isPlainName(name)) ids.push(expertId);
    return name;
  });
  return ids;
}

function isPlainName(name: unknown): name is string {
  return typeof name === 'string' && name !== DESTROYED;
}

function hasPlainLeaf(value: unknown, paths: readonly string[]): boolean {
  let found = false;
  mapSensitiveLeaves(value, paths, (leaf) => {
    if (!isSealedValue(leaf)) found = true;
    return leaf;
  });
  return found;
}
