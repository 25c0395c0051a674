/** A case in which sealed values depend on a key, and the paths of its events' data they sit at. */
export interface KeyUsage {
  readonly caseId: string;
  readonly fields: readonly string[];
}

/**
 * Finds where a person's data is sealed: the person keys a case's request used, and every case with values sealed under
 * a key. Reads the stored events' `{"$sealed": "<keyId>:…"}` values, so it needs no key itself.
 */
export interface PersonKeyLocator {
  /** The `person-…` key ids the case's RequestReceived event sealed values under. */
  personKeyIdsOfCase(caseId: string): Promise<string[]>;
  /** Every case whose stored events hold a value sealed under the key, with the fields that hold them. */
  casesUsingKey(keyId: string): Promise<KeyUsage[]>;
}

/** Injection token for the person key locator port. */
export const PERSON_KEY_LOCATOR = Symbol('PersonKeyLocator');
