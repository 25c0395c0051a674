import { useEffect, useState } from 'preact/hooks';
import { chosenLanguage } from './i18n/language';
import type { SignInNotice } from './sign-in-address';
import { parseSession, type NoSessionCode, type Session } from './session-types';

export type { SignInNotice } from './sign-in-address';
export { signInPath } from './sign-in-address';

/** The request header that keeps a call from counting as activity (polling, session checks the person did not ask for). */
export const BACKGROUND_HEADER = 'X-Brigade-Background';

/** Where the page stands: still asking the server, signed in, or not (with the server's reason when it gave one). */
export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'signedIn'; readonly session: Session; readonly clockOffsetMs: number }
  | {
      readonly status: 'signedOut';
      /** What the server said when it refused the session, if it did. */
      readonly code: NoSessionCode | null;
      /** What the sign-in page should say about it. */
      readonly notice: SignInNotice | null;
    };

const listeners = new Set<() => void>();
// Only in memory: the session itself is the server's, behind an HttpOnly cookie; a reload asks again.
let state: SessionState = { status: 'loading' };

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** The page's session state now. */
export function sessionState(): SessionState {
  return state;
}

/** The signed-in session, or null. */
export function currentSession(): Session | null {
  return state.status === 'signedIn' ? state.session : null;
}

/** Milliseconds to add to this machine's clock to get the server's (from the `Date` of the last session answer). */
export function serverClockOffsetMs(): number {
  return state.status === 'signedIn' ? state.clockOffsetMs : 0;
}

/** The notice for a session the server refused: that it ran out when it says so, nothing when there simply was none. */
function defaultNotice(code: NoSessionCode | null): SignInNotice | null {
  return code === 'session_expired' ? 'expired' : null;
}

/**
 * Asks the server for the session (`GET /auth/session`) and keeps its answer. A `background` check does not count as
 * activity; a foreground one does, and so pushes the idle ending back ("Aangemeld blijven"). On a 401 the page is
 * signed out, with `noticeOnRefusal`'s notice (by default: expired when the server says so). Resolves to the session,
 * or null when the server has none; a network failure rejects and leaves the state as it was.
 */
export async function loadSession(options: {
  background: boolean;
  noticeOnRefusal?: (code: NoSessionCode | null) => SignInNotice | null;
}): Promise<Session | null> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': chosenLanguage() };
  if (options.background) headers[BACKGROUND_HEADER] = '1';
  const response = await fetch('/auth/session', { headers, credentials: 'same-origin', cache: 'no-store' });
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 401) {
    const answered = (body as { code?: unknown } | undefined)?.code;
    const code = answered === 'session_expired' || answered === 'session_missing' ? answered : null;
    endSessionLocally(code, (options.noticeOnRefusal ?? defaultNotice)(code));
    return null;
  }
  const session = response.ok ? parseSession(body) : null;
  if (!session) throw new Error(`GET /auth/session answered ${response.status} without a session`);
  // `Date` counts whole seconds: half a second on is the server's clock give or take half a second.
  const serverDate = Date.parse(response.headers.get('Date') ?? '') + 500;
  setState({ status: 'signedIn', session, clockOffsetMs: Number.isNaN(serverDate) ? 0 : serverDate - Date.now() });
  return session;
}

/**
 * Forgets the session on this page (the server refused it, it ran out, or the person signed out); the app then shows
 * the sign-in page with `notice`.
 */
export function endSessionLocally(code: NoSessionCode | null, notice: SignInNotice | null): void {
  setState({ status: 'signedOut', code, notice });
}

/** The session state, re-rendering when it changes. */
export function useSessionState(): SessionState {
  const [current, setCurrent] = useState(sessionState);
  useEffect(() => {
    const update = () => setCurrent(sessionState());
    listeners.add(update);
    update();
    return () => {
      listeners.delete(update);
    };
  }, []);
  return current;
}

/** The signed-in session, re-rendering when it starts, changes or ends. */
export function useSession(): Session | null {
  const current = useSessionState();
  return current.status === 'signedIn' ? current.session : null;
}
