import type { SupportRequest } from '../domain/support-request';
import type { DataKeyScope, DataKeyStore } from '../key-store/data-key-store.port';
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
  const name = request.officeHolder.name.trim().toLowerCase().replace(/\s+/g, ' ');
  const municipality = (request.municipalityCode ?? request.municipality).trim().toUpperCase();
  return { kind: 'person', personId: await keyStore.pseudonymFor(`${name}\n${municipality}`) };
}
