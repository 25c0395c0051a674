import { isAppPath } from './path-match';

/**
 * Why the sign-in page is shown, carried in its address (`?session=…`, or `?signedOut=1` from the provider), so that a
 * reload still says it.
 */
export type SignInNotice = 'signedOut' | 'ended' | 'expired' | 'idleExpired' | 'absoluteExpired';

const NOTICE_PARAMS: Readonly<Record<Exclude<SignInNotice, 'signedOut'>, string>> = {
  ended: 'ended', expired: 'expired', idleExpired: 'idle-expired', absoluteExpired: 'absolute-expired',
};

/** The sign-in page's address with a notice and the screen to return to after signing in again. */
export function signInPath(notice: SignInNotice | null, next?: string | null): string {
  const params = new URLSearchParams();
  if (notice === 'signedOut') params.set('signedOut', '1');
  else if (notice) params.set('session', NOTICE_PARAMS[notice]);
  if (isAppPath(next ?? null) && next !== '/ui/') params.set('next', next!);
  const query = params.toString();
  return query ? `/ui/?${query}` : '/ui/';
}

/** The notice a sign-in page's query asks for, or null. */
export function signInNoticeOf(search: string): SignInNotice | null {
  const params = new URLSearchParams(search);
  if (params.get('signedOut') === '1') return 'signedOut';
  const value = params.get('session');
  const found = (Object.keys(NOTICE_PARAMS) as Array<keyof typeof NOTICE_PARAMS>).find((notice) => NOTICE_PARAMS[notice] === value);
  return found ?? null;
}

/** Where the sign-in button goes: the server starts the sign-in at the provider and brings the person back to `next`. */
export function signInHref(next: string | null): string {
  return `/auth/login?next=${encodeURIComponent(isAppPath(next) ? next : '/ui/')}`;
}

/** A failed sign-in's reason as the query carries it (`?error=access_denied`), kept to a short code-like text. */
export function signInErrorOf(search: string): string | null {
  const error = new URLSearchParams(search).get('error');
  return error && /^[A-Za-z0-9_.:-]{1,64}$/.test(error) ? error : null;
}
