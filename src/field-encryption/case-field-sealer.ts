import type { CaseEventPayloads, CaseEventType } from '../domain/case.events';
import type { CaseState } from '../domain/case.state';
import { SENSITIVE_EVENT_FIELDS, SENSITIVE_STATE_FIELDS, mapSensitiveLeaves } from '../domain/sensitive-fields';
import type { SupportRequest } from '../domain/support-request';
import type { DataKey, DataKeyStore } from '../key-store/data-key-store.port';
import { sealValue } from './field-cipher';
import { PERSON_FIELD_PREFIX, currentPersonKey } from './person-scope';
import { isSealedValue } from './sealed-value';

/** An event as far as sealing needs it: its type and its data. */
export interface SealableEvent {
  readonly type: CaseEventType;
  readonly data: CaseEventPayloads[CaseEventType];
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
 * Seals the sensitive fields of events and case states before they are stored under the case's key; the office
 * holder's are sealed again under the person's key around that. A value already sealed stays as it is, so a state carried from one append
 * to the next is sealed only where the append added something.
 */
export class CaseFieldSealer {
  constructor(private readonly keyStore: DataKeyStore) {}

  /** The event with each plain sensitive leaf sealed; an event without any keeps every key untouched. */
  async sealEvent<E extends SealableEvent>(caseId: string, event: E): Promise<E> {
    const paths = SENSITIVE_EVENT_FIELDS[event.type];
    if (!hasPlainLeaf(event.data, paths)) return event;
    const caseKey = await this.keyStore.keyFor({ kind: 'case', caseId });
    const person = event.type === 'RequestReceived' ? await this.personKey((event.data as CaseEventPayloads['RequestReceived']).request) : null;
    const data = mapSensitiveLeaves(event.data, paths, (leaf, path) => {
      if (isSealedValue(leaf)) return leaf;
      const place = { caseId, field: eventField(event.type, path) };
      const underCaseKey = sealValue(leaf, caseKey, place);
      // The person's key outside, so an erasure finds the person's values by its id; the case's inside, so the case's
      // retention destroys them too: whichever key goes first, the office holder can no longer be read in this case.
      return person && path.startsWith(PERSON_FIELD_PREFIX) ? sealValue(underCaseKey, person, place) : underCaseKey;
    });
    return { ...event, data };
  }

  /** The state with each plain sensitive leaf sealed under the case's key. */
  async sealState(state: CaseState): Promise<CaseState> {
    if (!hasPlainLeaf(state, SENSITIVE_STATE_FIELDS)) return state;
    const key = await this.keyStore.keyFor({ kind: 'case', caseId: state.caseId });
    return mapSensitiveLeaves(state, SENSITIVE_STATE_FIELDS, (leaf, path) => (
      isSealedValue(leaf) ? leaf : sealValue(leaf, key, { caseId: state.caseId, field: stateField(path) })
    ));
  }

  private personKey(request: SupportRequest): Promise<DataKey | null> {
    return currentPersonKey(request, this.keyStore);
  }
}

function hasPlainLeaf(value: unknown, paths: readonly string[]): boolean {
  let found = false;
  mapSensitiveLeaves(value, paths, (leaf) => {
    if (!isSealedValue(leaf)) found = true;
    return leaf;
  });
  return found;
}
