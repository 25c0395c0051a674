/** The payload keys a reader holds, and where they came from, as `AesGcmPayloadCodec` describes them. */
export interface HeldPayloadKeys {
  readonly keyIds: readonly string[];
  readonly keySource: string;
}

/** The key ids among `used` that `reader` does not hold. */
export function payloadKeysLacking(used: Iterable<string>, reader: HeldPayloadKeys): string[] {
  return [...used].filter((keyId) => !reader.keyIds.includes(keyId));
}

/**
 * Why a reader cannot open a history encrypted with keys it lacks, naming the keys and how to give them; the same
 * words the replay uses, so an auditor meets one explanation whichever check ran into the missing key.
 */
export function missingPayloadKeyMessage(what: string, lacking: readonly string[], reader: HeldPayloadKeys): string {
  const names = lacking.map((keyId) => `"${keyId}"`).join(', ');
  return `${what} is encrypted with payload key ${names}, which this reader does not hold (it has keys from ${reader.keySource}); `
    + 'give it as BRIGADE_PAYLOAD_KEYS=<id>:<base64 key>, or BRIGADE_DATA_DIR=<the data folder whose keys/payload-keys.json holds it>';
}
