import type { DataKeyScope } from './data-key-store.port';
import { InvalidDataKeyIdError } from './key-store.errors';

// Ids end up in file names and Vault paths, so only characters that are safe in both are allowed.
const SCOPE_ID = /^[A-Za-z0-9-]{1,128}$/;
const KEY_ID = /^(case|person)-[A-Za-z0-9-]{1,128}$/;

/** The key id of a scope, `case-<caseId>` or `person-<personId>`; an id with other characters is refused. */
export function dataKeyIdFor(scope: DataKeyScope): string {
  const [kind, id] = scope.kind === 'case' ? ['case', scope.caseId] : ['person', scope.personId];
  if (typeof id !== 'string' || !SCOPE_ID.test(id)) {
    throw new InvalidDataKeyIdError(String(id), `a ${kind} id for a data key must be 1 to 128 letters, digits or dashes`);
  }
  return `${kind}-${id}`;
}

/** Refuses a key id that no scope could have, before it reaches a file name or a URL. */
export function assertDataKeyId(keyId: string): void {
  if (typeof keyId !== 'string' || !KEY_ID.test(keyId)) {
    throw new InvalidDataKeyIdError(String(keyId), 'a key id is case-<id> or person-<id>, the id 1 to 128 letters, digits or dashes');
  }
}
