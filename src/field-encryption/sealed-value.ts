/** A sensitive value as stored: `<keyId>:<base64 of iv(12) | ciphertext | tag(16)>`, AES-256-GCM over the value's JSON. */
export interface SealedValue {
  readonly $sealed: string;
}

/** Whether a stored value is a sealed one; anything else is plain, as every value written before sealing began is. */
export function isSealedValue(value: unknown): value is SealedValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '$sealed' && typeof (value as SealedValue).$sealed === 'string';
}

/** The key id a sealed value names; base64 has no colon, so the last one ends the id whatever the id holds. */
export function sealedKeyId(value: SealedValue): string {
  const colon = value.$sealed.lastIndexOf(':');
  return colon < 0 ? '' : value.$sealed.slice(0, colon);
}

/** A sealed value kept in a text column, as its JSON text. */
export function sealedAsText(value: SealedValue): string {
  return JSON.stringify(value);
}

/** The seal a text column holds as its JSON text, or undefined for a text written plain. */
export function sealedInText(text: string | null | undefined): SealedValue | undefined {
  if (typeof text !== 'string' || !text.startsWith('{"$sealed":')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isSealedValue(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
