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
