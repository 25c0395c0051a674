import { DESTROYED, REDACTED } from '../domain/sensitive-fields';
import type { SupportRequest } from '../domain/support-request';
import type { DataKey, DataKeyScope, DataKeyStore } from '../key-store/data-key-store.port';
import { DataKeyDestroyedError } from '../key-store/key-store.errors';
import { isSealedValue, sealedKeyId } from './sealed-value';

/** The office-holder paths of a `RequestReceived` event: sealed under the person's key, which an erasure destroys across cases. */
export const PERSON_FIELD_PREFIX = 'request.officeHolder.';

/**
 * The person key's scope for the request's office holder, or null when it names none. Names are compared as people
 * write them (case, surrounding and doubled spaces do not matter), within the municipality, so that one person gets
 * one key across cases while the id itself reveals nothing.
 */
export async function officeHolderScope(request: SupportRequest, keyStore: DataKeyStore): Promise<DataKeyScope | null> {
  if (!request.officeHolder) return null;
  // A request carried on already sealed keeps the person key its name was sealed under.
  const sealedName: unknown = request.officeHolder.name;
  if (isSealedValue(sealedName)) {
    const keyId = sealedKeyId(sealedName);
    return keyId.startsWith('person-') ? { kind: 'person', personId: keyId.slice('person-'.length) } : null;
  }
  // A name already destroyed (or withheld) names nobody: it gets no person key, or every such request would share one.
  if (request.officeHolder.name === DESTROYED || request.officeHolder.name === REDACTED) return null;
  const name = request.officeHolder.name.trim().toLowerCase().replace(/\s+/g, ' ');
  const municipality = (request.municipalityCode ?? request.municipality).trim().toUpperCase();
  return { kind: 'person', personId: await keyStore.pseudonymFor(`${name}\n${municipality}`) };
}

/**
 * The key an office holder's fields are sealed under now, or null when the request names none. An erasure destroys a
 * person's key for good, yet the same alderman may be threatened again next month: a new request about them is sealed
 * under the next generation of their key (`<pseudonym>-g2`, …), which a later erasure destroys in turn.
 */
export async function currentPersonKey(request: SupportRequest, keyStore: DataKeyStore): Promise<DataKey | null> {
  const scope = await officeHolderScope(request, keyStore);
  if (scope === null || scope.kind !== 'person') return null;
  // A request carried on already sealed names its generation; only a new one looks for the live generation.
  if (isSealedValue(request.officeHolder?.name as unknown)) return keyStore.keyFor(scope);
  for (let generation = 1; ; generation++) {
    try {
      return await keyStore.keyFor({ kind: 'person', personId: generation === 1 ? scope.personId : `${scope.personId}-g${generation}` });
    } catch (error) {
      if (!(error instanceof DataKeyDestroyedError)) throw error;
    }
  }
}
