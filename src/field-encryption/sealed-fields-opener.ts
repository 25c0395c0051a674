import type { CaseState } from '../domain/case.state';
import { DESTROYED, SENSITIVE_EVENT_FIELDS, SENSITIVE_STATE_FIELDS, mapSensitiveLeaves } from '../domain/sensitive-fields';
import type { DataKeyLookup, DataKeyStore } from '../key-store/data-key-store.port';
import { eventField, stateField, type SealableEvent } from './case-field-sealer';
import { openValue } from './field-cipher';
import { SealedFieldUnreadableError } from './field-encryption.errors';
import { isSealedValue, sealedKeyId } from './sealed-value';

/**
 * Opens the sealed fields of stored events and case states for the people who read them: a value whose key exists reads
 * as it was written, one whose key was destroyed reads as `DESTROYED`, and a plain value (written before sealing began)
 * as it is. Verification never needs this: hashes are computed over the sealed form. Throws `KeyStoreUnavailableError`
 * when the key store cannot be reached, and `SealedFieldUnreadableError` when a value does not open under its key.
 */
export class SealedFieldsOpener {
  constructor(private readonly keyStore: DataKeyStore) {}

  /** The events with their sensitive fields opened; every other part, the hashes included, as stored. */
  async openEvents<E extends SealableEvent & { readonly caseId: string }>(events: readonly E[]): Promise<E[]> {
    // An office holder's value holds, inside its person-key seal, one under the case key: that key is looked up too.
    const keys = await this.lookUp(events.flatMap((event) => {
      const outer = sealedKeyIds(event.data, SENSITIVE_EVENT_FIELDS[event.type]);
      return outer.length === 0 ? [] : [...outer, this.keyStore.keyIdFor({ kind: 'case', caseId: event.caseId })];
    }));
    return events.map((event) => ({
      ...event,
      data: mapSensitiveLeaves(event.data, SENSITIVE_EVENT_FIELDS[event.type], (leaf, path) => openLeaf(leaf, keys, event.caseId, eventField(event.type, path))),
    }));
  }

  /** The case state with its sensitive fields opened. */
  async openState(state: CaseState): Promise<CaseState> {
    const keys = await this.lookUp(sealedKeyIds(state, SENSITIVE_STATE_FIELDS));
    return mapSensitiveLeaves(state, SENSITIVE_STATE_FIELDS, (leaf, path) => openLeaf(leaf, keys, state.caseId, stateField(path)));
  }

  // Each key once, however many values it sealed.
  private async lookUp(keyIds: readonly string[]): Promise<Map<string, DataKeyLookup>> {
    const unique = [...new Set(keyIds)];
    const lookups = await Promise.all(unique.map((keyId) => this.keyStore.find(keyId)));
    return new Map(unique.map((keyId, index) => [keyId, lookups[index]]));
  }
}

function sealedKeyIds(value: unknown, paths: readonly string[]): string[] {
  const keyIds: string[] = [];
  mapSensitiveLeaves(value, paths, (leaf) => {
    if (isSealedValue(leaf)) keyIds.push(sealedKeyId(leaf));
    return leaf;
  });
  return keyIds;
}

// A person-key seal holds a case-key seal inside, and nothing seals deeper: `depth` stops a value crafted to nest on.
function openLeaf(leaf: unknown, keys: ReadonlyMap<string, DataKeyLookup>, caseId: string, field: string, depth = 0): unknown {
  if (!isSealedValue(leaf)) return leaf;
  const keyId = sealedKeyId(leaf);
  const lookup = keys.get(keyId);
  if (lookup?.state === 'destroyed') return DESTROYED;
  if (lookup?.state !== 'active') throw new SealedFieldUnreadableError(caseId, field, keyId, 'the key store does not know this key');
  let opened: unknown;
  try {
    opened = openValue(leaf, lookup.key, { caseId, field });
  } catch {
    throw new SealedFieldUnreadableError(caseId, field, keyId, 'it was altered or moved from another field or case');
  }
  if (!isSealedValue(opened)) return opened;
  if (depth > 0 || !keyId.startsWith('person-')) throw new SealedFieldUnreadableError(caseId, field, keyId, 'it holds a seal where a value belongs');
  return openLeaf(opened, keys, caseId, field, depth + 1);
}
