/**
 * Which office holder each case was registered about (by their key id, whatever its generation), and a lock that keeps
 * a registration and an erasure of the same person apart: while one registers a case, the other cannot read the claims
 * and destroy a key of theirs, and back.
 */
export interface OfficeHolderClaims {
  /** Runs `register` (which starts the case's workflow) holding the person's lock shared, after recording the claim. */
  whileRegistering<T>(caseId: string, keyId: string, register: () => Promise<T>): Promise<T>;
  /** Runs `erase` holding the persons' locks alone, telling it every case ever registered under these keys. */
  whileErasing<T>(keyIds: readonly string[], erase: (claimedCaseIds: readonly string[]) => Promise<T>): Promise<T>;
}

/** Injection token for the office holder claims port. */
export const OFFICE_HOLDER_CLAIMS = Symbol('OfficeHolderClaims');
