import type { Payload, PayloadCodec, SerializationContext } from '@temporalio/common';
import { caseIdOfWorkflowId } from '../domain/case-workflow-id';
import { DESTROYED, REDACTED } from '../domain/sensitive-fields';
import { mapSensitivePayloadLeaves, type PayloadLeafPlace } from '../domain/sensitive-payload-leaves';
import type { DataKey, DataKeyLookup, DataKeyStore } from '../key-store/data-key-store.port';
import { DataKeyDestroyedError } from '../key-store/key-store.errors';
import { sealValue } from './field-cipher';
import { expertKeysOf } from './expert-keys';
import { openSeal } from './open-seal';
import { currentPersonKey } from './person-scope';
import { sealedKeyId } from './sealed-value';

/** The metadata entry naming the case whose keys sealed a payload's fields: decoding needs no workflow context. */
export const CASE_ID_METADATA = 'brigade-case-id';
/** The metadata entry naming, comma-separated, the data keys a payload's sealed fields need. */
export const DATA_KEYS_METADATA = 'brigade-data-keys';

/** A field sealed inside a Temporal payload; named apart from a stored sealed field, so the two are never confused. */
interface PayloadSealedValue {
  readonly $payloadSealed: string;
}

const JSON_ENCODING = 'json/plain';
const utf8 = new TextEncoder();
const text = new TextDecoder();

/**
 * Seals the sensitive fields of every payload that belongs to a case under that case's data key (the office holder's
 * under the person's), before the payload codec encrypts the whole: so destroying a case's or a person's key makes
 * those fields unreadable in Temporal's histories too, live or archived, while the rest still replays. Decoding opens
 * them again: a destroyed key reads as `DESTROYED`; without a key store (an offline replay) every field reads as
 * `REDACTED`. Payloads of other workflows, and payloads written before this codec, pass through.
 */
export class CasePayloadCodec implements PayloadCodec {
  /** `keyStore` null: a reader that replays histories without ever opening a field. */
  constructor(private readonly keyStore: DataKeyStore | null) {}

  async encode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    const caseId = context?.workflowId === undefined ? null : caseIdOfWorkflowId(context.workflowId);
    if (caseId === null || this.keyStore === null) return payloads;
    return Promise.all(payloads.map((payload) => this.seal(payload, caseId, this.keyStore!)));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(payloads.map((payload) => this.open(payload)));
  }

  private async seal(payload: Payload, caseId: string, keyStore: DataKeyStore): Promise<Payload> {
    if (encodingOf(payload) !== JSON_ENCODING || !payload.data) return payload;
    const value: unknown = JSON.parse(text.decode(payload.data));
    const places: PayloadLeafPlace[] = [];
    mapSensitivePayloadLeaves(value, (leaf, place) => {
      if (isPlainText(leaf)) places.push(place);
      return leaf;
    });
    if (places.length === 0) return payload;
    const keys = await keysFor(places, caseId, keyStore);
    const experts = await expertKeysOf(places.flatMap(({ expertId }) => (expertId === null ? [] : [expertId])), keyStore);
    const keyIds = new Set<string>();
    const sealed = mapSensitivePayloadLeaves(value, (leaf, place) => {
      if (!isPlainText(leaf)) return leaf;
      const caseKey = keys.get(null);
      const expertKey = place.expertId === null ? null : experts.get(place.expertId);
      const personKey = place.officeHolderOf !== null ? keys.get(place.officeHolderOf) : expertKey === 'none' ? null : expertKey;
      // A key destroyed while the case still runs (an erasure): its data is gone, and must not be written again.
      if (!caseKey || caseKey === 'destroyed' || personKey === undefined || personKey === 'destroyed') return DESTROYED;
      const field = { caseId, field: payloadField(place) };
      // As in the event store: an office holder's or expert's value under the case key, and that under the person's key,
      // so either destroys it.
      let seal = sealValue(leaf, caseKey, field);
      keyIds.add(caseKey.keyId);
      if (personKey) {
        seal = sealValue(seal, personKey, field);
        keyIds.add(personKey.keyId);
      }
      return { $payloadSealed: seal.$sealed } satisfies PayloadSealedValue;
    });
    return {
      metadata: { ...payload.metadata, [CASE_ID_METADATA]: utf8.encode(caseId), [DATA_KEYS_METADATA]: utf8.encode([...keyIds].join(',')) },
      data: utf8.encode(JSON.stringify(sealed)),
    };
  }

  private async open(payload: Payload): Promise<Payload> {
    const caseIdBytes = payload.metadata?.[CASE_ID_METADATA];
    if (!caseIdBytes || !payload.data) return payload;
    const caseId = text.decode(caseIdBytes);
    const value: unknown = JSON.parse(text.decode(payload.data));
    const lookups = await this.lookUp(value, caseId);
    const opened = mapSensitivePayloadLeaves(value, (leaf, place) => {
      if (!isPayloadSealed(leaf)) return leaf;
      if (lookups === null) return REDACTED;
      return openSeal({ $sealed: leaf.$payloadSealed }, lookups, caseId, payloadField(place));
    });
    const { [CASE_ID_METADATA]: _caseId, [DATA_KEYS_METADATA]: _keys, ...metadata } = payload.metadata ?? {};
    return { metadata, data: utf8.encode(JSON.stringify(opened)) };
  }

  // Each key once, however many fields it sealed, and the case's, which an office holder's seal holds inside; null when
  // this reader opens none.
  private async lookUp(value: unknown, caseId: string): Promise<Map<string, DataKeyLookup> | null> {
    if (this.keyStore === null) return null;
    const keyIds = new Set<string>([this.keyStore.keyIdFor({ kind: 'case', caseId })]);
    mapSensitivePayloadLeaves(value, (leaf) => {
      if (isPayloadSealed(leaf)) keyIds.add(sealedKeyId({ $sealed: leaf.$payloadSealed }));
      return leaf;
    });
    const unique = [...keyIds];
    const found = await Promise.all(unique.map((keyId) => this.keyStore!.find(keyId)));
    return new Map(unique.map((keyId, index) => [keyId, found[index]]));
  }
}


/**
 * The case's key under `null`, and each office holder's person key under their request: 'destroyed' where one was,
 * null where the request names nobody a key could be kept for (a name already destroyed), whose fields the case key alone seals.
 */
async function keysFor(places: readonly PayloadLeafPlace[], caseId: string, keyStore: DataKeyStore): Promise<Map<PayloadLeafPlace['officeHolderOf'], DataKey | 'destroyed' | null>> {
  const keys = new Map<PayloadLeafPlace['officeHolderOf'], DataKey | 'destroyed' | null>([[null, await destroyedAsMarker(keyStore.keyFor({ kind: 'case', caseId }))]]);
  for (const { officeHolderOf: request } of places) {
    if (request !== null && !keys.has(request)) keys.set(request, await currentPersonKey(request, keyStore));
  }
  return keys;
}

async function destroyedAsMarker(key: Promise<DataKey>): Promise<DataKey | 'destroyed'> {
  try {
    return await key;
  } catch (error) {
    if (error instanceof DataKeyDestroyedError) return 'destroyed';
    throw error;
  }
}

/** The field a payload's sealed value is bound to: its place in the payload, so it cannot be moved within or between payloads' fields. */
function payloadField(place: PayloadLeafPlace): string {
  return `payload:${place.path}`;
}

// An empty text says nothing, and the workflow tells it apart from a given one, so it stays as it is.
function isPlainText(leaf: unknown): leaf is string {
  return typeof leaf === 'string' && leaf.trim() !== '' && leaf !== DESTROYED && leaf !== REDACTED;
}

function isPayloadSealed(leaf: unknown): leaf is PayloadSealedValue {
  return typeof leaf === 'object' && leaf !== null && typeof (leaf as PayloadSealedValue).$payloadSealed === 'string';
}

function encodingOf(payload: Payload): string | undefined {
  return payload.metadata?.encoding ? text.decode(payload.metadata.encoding) : undefined;
}
