/*
 * Sealed fields are stored as `{"$sealed": "<keyId>:<base64>"}`: the key id travels beside the ciphertext, so which keys
 * a stored event depends on can be read without any key.
 */

/** The key ids of every sealed value in `data`, with the dotted path each sits at. */
export function sealedValuesIn(data: unknown, path: readonly string[] = []): Array<{ readonly path: string; readonly keyId: string }> {
  if (Array.isArray(data)) return data.flatMap((item) => sealedValuesIn(item, [...path, '*']));
  if (typeof data !== 'object' || data === null) return [];
  const sealed = (data as Record<string, unknown>).$sealed;
  if (typeof sealed === 'string' && sealed.includes(':')) return [{ path: path.join('.'), keyId: sealed.slice(0, sealed.indexOf(':')) }];
  return Object.entries(data).flatMap(([key, value]) => sealedValuesIn(value, [...path, key]));
}

/** Whether a key id names a person's key rather than a case's. */
export function isPersonKeyId(keyId: string): boolean {
  return keyId.startsWith('person-');
}
