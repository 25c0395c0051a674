import type { UserRole } from '../domain/user-role';

/** A signed-in session of the screens, kept on the server; the browser holds only a random cookie that names it. */
export interface WebSession {
  readonly role: UserRole;
  /** Brigade's subject: an expert's id, or the provider's subject for the other roles. */
  readonly subject: string;
  readonly displayName: string | null;
  /** The identity provider's own subject, for the access log and for sign-out. */
  readonly identitySubject: string;
  /** The ID token, kept for RP-initiated logout (`id_token_hint`); never sent to the browser. */
  readonly idToken: string;
  /** The synchronizer token that mutating requests of this session must carry. */
  readonly csrfToken: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly idleExpiresAt: Date;
  readonly absoluteExpiresAt: Date;
}

/** What a sign-in attempt must find again on the way back from the provider, once. */
export interface SignInAttempt {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** The screen to open after signing in, a path under `/ui/`. */
  readonly returnTo: string;
  /** When the attempt began, as the store recorded it; a fresh attempt has none yet. */
  readonly startedAt?: Date;
}

/** Why a session cookie no longer opens anything. */
export type SessionEnd = 'idle' | 'absolute';

/** The moment a session ends for idleness or age, whichever comes first, or null while it lasts. */
export function sessionEndAt(session: Pick<WebSession, 'idleExpiresAt' | 'absoluteExpiresAt'>, now: Date): SessionEnd | null {
  if (now >= session.absoluteExpiresAt) return 'absolute';
  if (now >= session.idleExpiresAt) return 'idle';
  return null;
}
