import type { CaseEventPayloads } from '../domain/case.events';
import type { CaseState } from '../domain/case.state';
import { EXPERT_NAME_EVENT_FIELDS, EXPERT_NAME_STATE_FIELDS, mapExpertNames, type ExpertNamePlace } from '../domain/expert-names';
import { SENSITIVE_EVENT_FIELDS, SENSITIVE_STATE_FIELDS, mapSensitiveLeaves } from '../domain/sensitive-fields';
import type { DataKeyLookup, DataKeyStore } from '../key-store/data-key-store.port';
import { ACTOR_NAME_PATH, eventField, stateExpertNameField, stateField, type SealableEvent } from './case-field-sealer';
import { openSeal } from './open-seal';
import { isSealedValue, sealedInText, sealedKeyId } from './sealed-value';

/**
 * Opens the sealed fields of stored events and case states for the people who read them: a value whose key exists reads
 * as it was written, one whose key was destroyed reads as `DESTROYED`, and a plain value (written before sealing began)
 * as it is. Verification never needs this: hashes are computed over the sealed form. Throws `KeyStoreUnavailableError`
 * when the key store cannot be reached, and `SealedFieldUnreadableError` when a value does not open under its key.
 */
export class SealedFieldsOpener {
  constructor(private readonly keyStore: DataKeyStore) {}

  /**
   * The events with their sensitive fields and experts' names opened; every other part, the hashes included, as stored.
   * `state`, the case's own state when the caller has it, names a destruction the events given may not include.
   */
  async openEvents<E extends SealableEvent & { readonly caseId: string }>(events: readonly E[], state?: Pick<CaseState, 'caseId' | 'dataDestroyedAt'>): Promise<E[]> {
    // A person's seal holds, inside, one under the case key: that key is looked up too wherever anything is sealed.
    const keys = await this.lookUp(events.flatMap((event) => {
      const outer = [
        ...sealedKeyIds(event.data, SENSITIVE_EVENT_FIELDS[event.type]), ...sealedNameKeyIds(event.data, EXPERT_NAME_EVENT_FIELDS[event.type] ?? []),
        ...actorNameKeyIds(event),
      ];
      return outer.length === 0 ? [] : [...outer, this.keyStore.keyIdFor({ kind: 'case', caseId: event.caseId })];
    }), new Map([...this.destroyedPerState(state), ...recordedDestructions(events)]));
    return events.map((event) => {
      const field = (path: string) => eventField(event.type, path);
      const sensitive = mapSensitiveLeaves(event.data, SENSITIVE_EVENT_FIELDS[event.type], (leaf, path) => openLeaf(leaf, keys, event.caseId, field(path)));
      const data = mapExpertNames(sensitive, EXPERT_NAME_EVENT_FIELDS[event.type] ?? [], (name, _expertId, path) => openLeaf(name, keys, event.caseId, field(path)));
      const sealedName = sealedInText(event.actor?.name);
      if (sealedName === undefined) return { ...event, data };
      return { ...event, data, actor: { ...event.actor!, name: openLeaf(sealedName, keys, event.caseId, field(ACTOR_NAME_PATH)) as string } };
    });
  }

  /** The case state with its sensitive fields and experts' names opened. */
  async openState(state: CaseState): Promise<CaseState> {
    const outer = [...sealedKeyIds(state, SENSITIVE_STATE_FIELDS), ...sealedNameKeyIds(state, EXPERT_NAME_STATE_FIELDS)];
    const keys = await this.lookUp(outer.length === 0 ? [] : [...outer, this.keyStore.keyIdFor({ kind: 'case', caseId: state.caseId })], this.destroyedPerState(state));
    const opened = mapSensitiveLeaves(state, SENSITIVE_STATE_FIELDS, (leaf, path) => openLeaf(leaf, keys, state.caseId, stateField(path)));
    return mapExpertNames(opened, EXPERT_NAME_STATE_FIELDS, (name, expertId) => openLeaf(name, keys, state.caseId, stateExpertNameField(expertId)));
  }

  // The case key, when the state records the case's data as destroyed.
  private destroyedPerState(state: Pick<CaseState, 'caseId' | 'dataDestroyedAt'> | undefined): Map<string, string> {
    if (!state?.dataDestroyedAt) return new Map();
    return new Map([[this.keyStore.keyIdFor({ kind: 'case', caseId: state.caseId }), state.dataDestroyedAt]]);
  }

  // Each key once, however many values it sealed. A key the case's own record says was destroyed reads as destroyed
  // whatever the store answers: a key file put back from a copy must not bring the case's data back.
  private async lookUp(keyIds: readonly string[], recordedAsDestroyed: ReadonlyMap<string, string> = new Map()): Promise<Map<string, DataKeyLookup>> {
    const unique = [...new Set(keyIds)];
    const lookups = await Promise.all(unique.map(async (keyId): Promise<DataKeyLookup> => {
      const destroyedAt = recordedAsDestroyed.get(keyId);
      return destroyedAt === undefined ? this.keyStore.find(keyId) : { state: 'destroyed', destroyedAt };
    }));
    return new Map(unique.map((keyId, index) => [keyId, lookups[index]]));
  }
}

/** The keys the events record as destroyed (`CaseDataDestroyed`), with when. */
function recordedDestructions(events: readonly SealableEvent[]): Map<string, string> {
  const destroyed = new Map<string, string>();
  for (const event of events) {
    if (event.type !== 'CaseDataDestroyed') continue;
    const { destroyedKeyIds } = event.data as CaseEventPayloads['CaseDataDestroyed'];
    for (const keyId of destroyedKeyIds) destroyed.set(keyId, (event as { occurredAt?: string }).occurredAt ?? '');
  }
  return destroyed;
}

function sealedKeyIds(value: unknown, paths: readonly string[]): string[] {
  const keyIds: string[] = [];
  mapSensitiveLeaves(value, paths, (leaf) => {
    if (isSealedValue(leaf)) keyIds.push(sealedKeyId(leaf));
    return leaf;
  });
  return keyIds;
}

function sealedNameKeyIds(value: unknown, places: readonly ExpertNamePlace[]): string[] {
  const keyIds: string[] = [];
  mapExpertNames(value, places, (name) => {
    if (isSealedValue(name)) keyIds.push(sealedKeyId(name));
    return name;
  });
  return keyIds;
}

function actorNameKeyIds(event: SealableEvent): string[] {
  const sealed = sealedInText(event.actor?.name);
  return sealed === undefined ? [] : [sealedKeyId(sealed)];
}


function openLeaf(leaf: unknown, keys: ReadonlyMap<string, DataKeyLookup>, caseId: string, field: string): unknown {
  return isSealedValue(leaf) ? openSeal(leaf, keys, caseId, field) : leaf;
}
