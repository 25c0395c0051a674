import { parse, serialize, type SerializeOptions } from 'cookie';
import type { Request, Response } from 'express';

/** The two cookies of signing in: the session itself, and the attempt under way while the browser is at the provider. */
export interface SessionCookieNames {
  readonly session: string;
  readonly attempt: string;
}

/**
 * Cookie names for an origin: over https the `__Host-` prefix makes the browser refuse a cookie that is not Secure,
 * has a Domain or a Path other than `/`, so a sibling host cannot plant or widen Brigade's session.
 */
export function sessionCookieNames(publicUrl: string): SessionCookieNames {
  return publicUrl.startsWith('https:')
    ? { session: '__Host-brigade_session', attempt: '__Host-brigade_sign_in' }
    : { session: 'brigade_session', attempt: 'brigade_sign_in' };
}

/** The value of one cookie of the request, or undefined. */
export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  const value = parse(header)[name];
  return value === undefined || value === '' ? undefined : value;
}

/** Sets a cookie only scripts of no page can read, sent on top-level navigations from elsewhere but not on their posts. */
export function setCookie(response: Response, publicUrl: string, name: string, value: string, maxAgeSeconds: number): void {
  response.append('Set-Cookie', serialize(name, value, cookieOptions(publicUrl, maxAgeSeconds)));
}

/** Tells the browser to forget a cookie. */
export function clearCookie(response: Response, publicUrl: string, name: string): void {
  response.append('Set-Cookie', serialize(name, '', { ...cookieOptions(publicUrl, 0), expires: new Date(0) }));
}

function cookieOptions(publicUrl: string, maxAge: number): SerializeOptions {
  // Lax, not Strict: the way back from the provider is a top-level navigation from its site, which must carry the attempt.
  return { httpOnly: true, secure: publicUrl.startsWith('https:'), sameSite: 'lax', path: '/', maxAge };
}
