import { DESTROYED } from '../domain/sensitive-fields';
import type { DataKeyLookup } from '../key-store/data-key-store.port';
import { openValue } from './field-cipher';
import { SealedFieldUnreadableError } from './field-encryption.errors';
import { isSealedValue, sealedKeyId, type SealedValue } from './sealed-value';

/**
 * The value a seal holds, through a person key's seal to the case key's inside it; `DESTROYED` if either key was
 * destroyed. Only a person key's seal holds another, one level deep: a value crafted to nest on is refused, as is one
 * whose key the lookups do not know or that was altered or moved (`SealedFieldUnreadableError`).
 */
export function openSeal(seal: SealedValue, lookups: ReadonlyMap<string, DataKeyLookup>, caseId: string, field: string, depth = 0): unknown {
  const keyId = sealedKeyId(seal);
  const lookup = lookups.get(keyId);
  if (lookup?.state === 'destroyed') return DESTROYED;
  if (lookup?.state !== 'active') throw new SealedFieldUnreadableError(caseId, field, keyId, 'the key store does not know this key');
  let opened: unknown;
  try {
    opened = openValue(seal, lookup.key, { caseId, field });
  } catch {
    throw new SealedFieldUnreadableError(caseId, field, keyId, 'it was altered or moved from another field or case');
  }
  if (!isSealedValue(opened)) return opened;
  if (depth > 0 || !keyId.startsWith('person-')) throw new SealedFieldUnreadableError(caseId, field, keyId, 'it holds a seal where a value belongs');
  return openSeal(opened, lookups, caseId, field, depth + 1);
}
