/** A sealed value could not be opened although its key store answered: altered, moved, or under a key the store never had. */
export class SealedFieldUnreadableError extends Error {
  constructor(readonly caseId: string, readonly field: string, readonly keyId: string, readonly detail: string) {
    super(`the sealed field ${field} of case ${caseId} does not open under key ${keyId}: ${detail}`);
    this.name = 'SealedFieldUnreadableError';
  }
}
