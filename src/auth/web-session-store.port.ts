import type { UserRole } from '../domain/user-role';
import type { SignInAttempt, WebSession } from './web-session';

/** Where sign-in attempts and sessions are kept; ids are the random values the browser's cookies hold. */
export interface WebSessionStore {
  /** Keeps an attempt until it is taken or expires. */
  saveAttempt(attemptId: string, attempt: SignInAttempt, expiresAt: Date): Promise<void>;
  /** The attempt, removed in the same step so it can be used only once; null when unknown, taken or expired. */
  takeAttempt(attemptId: string, now: Date): Promise<SignInAttempt | null>;
  /** Starts a session under the given id. */
  open(sessionId: string, session: WebSession): Promise<void>;
  /** The session, expired or not; null when there is none. */
  find(sessionId: string): Promise<WebSession | null>;
  /** Records a person's own request: the idle deadline moves, never past the absolute one. */
  touch(sessionId: string, now: Date, idleExpiresAt: Date): Promise<void>;
  /** Ends one session, returning it; null when there was none. */
  end(sessionId: string): Promise<WebSession | null>;
  /** Ends every session of one person, returning how many there were. */
  endAllOf(role: UserRole, subject: string): Promise<number>;
  /** Forgets expired sessions and attempts, returning how many sessions went. */
  removeExpired(now: Date): Promise<number>;
}

/** Injection token for the session store. */
export const WEB_SESSION_STORE = Symbol('WebSessionStore');
