/** Thrown when an encrypted payload cannot be decrypted; `keyId` names the key it says it was encrypted with. */
export class PayloadDecryptionError extends Error {
  constructor(readonly keyId: string, message: string) {
    super(message);
    this.name = 'PayloadDecryptionError';
  }
}

/** Thrown when a payload was encrypted with a key this process does not hold. */
export class UnknownPayloadKeyError extends PayloadDecryptionError {
  constructor(keyId: string, knownKeyIds: readonly string[]) {
    super(keyId, `the payload was encrypted with key "${keyId}", which is not among this process's payload keys (${knownKeyIds.join(', ') || 'none'}); `
      + 'add it to BRIGADE_PAYLOAD_KEYS as id:base64key, or point BRIGADE_DATA_DIR at the data folder that holds it');
    this.name = 'UnknownPayloadKeyError';
  }
}

/** Thrown when an encrypted payload fails authentication: it was altered, or the key with its id has other bytes. */
export class TamperedPayloadError extends PayloadDecryptionError {
  constructor(keyId: string, reason: string) {
    super(keyId, `the payload encrypted with key "${keyId}" does not decrypt: ${reason}`);
    this.name = 'TamperedPayloadError';
  }
}
