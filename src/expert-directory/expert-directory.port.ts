import type { ExpertProfile } from '../domain/expert-profile';

/** Where matching finds the expert pool, each expert with their current workload. */
export interface ExpertDirectory {
  /** Every active expert, in name order. */
  activeProfiles(): Promise<ExpertProfile[]>;
  /** One expert, active or not; null when there is no such expert. */
  profile(expertId: string): Promise<ExpertProfile | null>;
  /** Whether the expert may act: one indexed read, cheap enough for every request; null when there is no such expert. */
  isActive(expertId: string): Promise<boolean | null>;
  /** The expert whose record names this provider subject, else the one with this verified e-mail address; null for none. */
  findSignInRecord(identitySubject: string, verifiedEmail: string | null): Promise<ExpertIdentity | null>;
  /** Who an expert is for signing in, found by their pool e-mail address (in any letter case); null when no expert has it. */
  identityByEmail(email: string): Promise<ExpertIdentity | null>;
  /** Who an expert is for signing in, by id; null when there is no such expert. */
  identity(expertId: string): Promise<ExpertIdentity | null>;
  /**
   * Wipes what names or reaches an inactive expert from the pool (name, e-mail address, phone, sign-in subject,
   * preferences), after an approved erasure; what matching and statistics count (categories, region) stays. False when
   * there is no such expert or they are still active.
   */
  erasePersonalDetails(expertId: string): Promise<boolean>;
}

/** What a sign-in needs to know of an expert: the name and e-mail address the pool holds, whether they may act, and their link. */
export interface ExpertIdentity {
  readonly expertId: string;
  readonly name: string;
  readonly email: string;
  readonly active: boolean;
  /** The identity provider's subject set on the record, or null when the expert is linked by e-mail address. */
  readonly identitySubject: string | null;
}

/** Injection token for the expert directory port. */
export const EXPERT_DIRECTORY = Symbol('ExpertDirectory');
