import { useEffect, useState } from 'preact/hooks';
import { parseStoredSession, SESSION_STORAGE_KEY, type Session } from './session-types';

/** Why the user was sent to the sign-in page, shown there once. */
export type SignInNotice = 'sessionEnded' | 'signedOut';

const listeners = new Set<() => void>();
let notice: SignInNotice | null = null;

function notify(): void {
  for (const listener of listeners) listener();
}

/** The signed-in session of this tab, or null. */
export function currentSession(): Session | null {
  try {
    return parseStoredSession(sessionStorage.getItem(SESSION_STORAGE_KEY));
  } catch {
    return null;
  }
}

/** Keeps a session that `GET /me` confirmed. */
export function startSession(session: Session): void {
  sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  notice = null;
  notify();
}

/** Forgets the session (sign-out, or a token the API no longer accepts), leaving a notice for the sign-in page. */
export function endSession(reason: SignInNotice): void {
  sessionStorage.removeItem(SESSION_STORAGE_KEY);
  notice = reason;
  notify();
}

/** The notice for the sign-in page, read once. */
export function takeSignInNotice(): SignInNotice | null {
  const taken = notice;
  notice = null;
  return taken;
}

/** The current session, re-rendering when it starts or ends. */
export function useSession(): Session | null {
  const [session, setSession] = useState(currentSession);
  useEffect(() => {
    const update = () => setSession(currentSession());
    listeners.add(update);
    return () => {
      listeners.delete(update);
    };
  }, []);
  return session;
}
