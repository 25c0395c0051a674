import type { UserRole } from '../domain/user-role';

/** The one password of every account at the local provider, demo and pool experts alike; it is no secret. */
export const DEMO_PASSWORD = 'brigade-demo';

/** The TOTP secret (base32) of `coordinator-mfa@brigade.local`, fixed so that anyone can add it to an authenticator app. */
export const DEMO_TOTP_SECRET = 'MJZGSZ3BMRSS2ZDFNVXS23LGMEWWWZLZ';

/** Someone who can sign in at the local provider, with what its ID token says about them. */
export interface ProviderAccount {
  /** The token's `sub`. */
  readonly accountId: string;
  readonly name: string;
  readonly email: string;
  readonly role: UserRole;
  /** When set, signing in takes a code from an authenticator app after the password. */
  readonly totpSecret?: string;
}

/** The demo accounts beside the pool's experts. */
export const DEMO_ACCOUNTS: readonly ProviderAccount[] = [
  { accountId: 'demo-coordinator', name: 'Demo Coördinator', email: 'coordinator@brigade.local', role: 'coordinator' },
  { accountId: 'demo-coordinator-mfa', name: 'Demo Coördinator (MFA)', email: 'coordinator-mfa@brigade.local', role: 'coordinator', totpSecret: DEMO_TOTP_SECRET },
  { accountId: 'demo-auditor', name: 'Demo Auditor', email: 'auditor@brigade.local', role: 'auditor' },
];

/** The prefix of an expert's `sub` at the local provider: `pool-<expertId>`. */
export const POOL_SUBJECT_PREFIX = 'pool-';
