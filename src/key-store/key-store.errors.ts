/** The key store could not be reached or answered with an error: reads that need a key answer 503 naming it. */
export class KeyStoreUnavailableError extends Error {
  constructor(readonly location: string, readonly detail: string) {
    super(`the key store at ${location} is unavailable: ${detail}`);
    this.name = 'KeyStoreUnavailableError';
  }
}

/** A scope's key was destroyed: nothing new may be sealed for a case or person whose data was destroyed. */
export class DataKeyDestroyedError extends Error {
  constructor(readonly keyId: string, readonly destroyedAt: string) {
    super(`data key ${keyId} was destroyed at ${destroyedAt}; nothing can be sealed under it again`);
    this.name = 'DataKeyDestroyedError';
  }
}

/** A scope or key id that cannot name a data key: ids are `case-<id>` or `person-<id>` of letters, digits and dashes. */
export class InvalidDataKeyIdError extends Error {
  constructor(readonly value: string, detail: string) {
    super(`"${value}" cannot name a data key: ${detail}`);
    this.name = 'InvalidDataKeyIdError';
  }
}

/** A stored key could not be read back (a corrupt file, a wrong key-encryption key, a missing wrapping key); `where` names it. */
export class DataKeyUnreadableError extends Error {
  constructor(readonly keyId: string, readonly where: string, readonly detail: string) {
    super(`data key ${keyId} at ${where} cannot be read: ${detail}`);
    this.name = 'DataKeyUnreadableError';
  }
}

/** The key store refused the request (Vault answered 403): the credentials Brigade holds lack a permission on `path`. */
export class KeyStorePermissionError extends Error {
  constructor(readonly location: string, readonly path: string) {
    super(`the key store at ${location} refused ${path}: the token Brigade uses lacks permission for it (check its policy)`);
    this.name = 'KeyStorePermissionError';
  }
}
