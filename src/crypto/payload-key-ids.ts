import { ENCRYPTED_ENCODING, KEY_ID_METADATA } from './aes-gcm-payload-codec';

/**
 * The ids of the keys that encrypted the payloads anywhere in a value, such as a workflow history in its proto form
 * (metadata as bytes) or its JSON form (metadata as base64 texts).
 */
export function payloadKeyIdsIn(value: unknown): Set<string> {
  const ids = new Set<string>();
  const pending: unknown[] = [value];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next !== 'object' || next === null || ArrayBuffer.isView(next)) continue;
    const metadata = (next as { metadata?: unknown }).metadata;
    if (typeof metadata === 'object' && metadata !== null) {
      const entries = metadata as Record<string, unknown>;
      if (textOf(entries.encoding) === ENCRYPTED_ENCODING) ids.add(textOf(entries[KEY_ID_METADATA]) ?? '');
    }
    pending.push(...Object.values(next));
  }
  return ids;
}

function textOf(value: unknown): string | undefined {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (typeof value === 'string') return Buffer.from(value, 'base64').toString('utf8');
  return undefined;
}
