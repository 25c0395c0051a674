import { timingSafeEqual } from 'node:crypto';
import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { BrigadeConfig } from '../config/brigade-config';
import { SPECIFIC_ERROR_CODES } from '../http/error-body';
import { refusal } from '../http/refusal';
import { AccessLog } from '../access-log/access-log';
import type { Principal } from './principal';
import { readCookie, sessionCookieNames } from './session-cookies';
import type { WebSession } from './web-session';
import { WebSessions } from './web-sessions';

/** The header the screens' polling sends, so that it does not count as the person's activity. */
export const BACKGROUND_HEADER = 'x-brigade-background';
/** The header a session's mutating requests carry its CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

// Methods that change nothing need no CSRF token; everything else must prove it comes from Brigade's own page.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Where the guard leaves the session a request came with, for the session routes. */
export const SESSION_PROPERTY = 'brigadeSession';

/**
 * Signs a request in by the screens' session cookie: the session must be open, and a request that changes something
 * must carry the session's CSRF token (synchronizer token pattern; SameSite=Lax alone leaves older browsers and
 * same-site attackers).
 */
@Injectable()
export class SessionAuthenticator {
  private readonly cookieName: string;

  constructor(
    config: BrigadeConfig,
    private readonly sessions: WebSessions,
    private readonly accessLog: AccessLog,
  ) {
    this.cookieName = sessionCookieNames(config.publicUrl).session;
  }

  /** Whether the request carries a session cookie at all. */
  carriesSession(request: Request): boolean {
    return readCookie(request, this.cookieName) !== undefined;
  }

  /** The principal of the request's open session, or a 401 (no or ended session) or 403 (CSRF) that says why. */
  async authenticate(request: Request & Record<string, unknown>): Promise<Principal> {
    const sessionId = readCookie(request, this.cookieName);
    if (!sessionId) throw new UnauthorizedException(refusal('session_missing'));
    const activity = request.headers[BACKGROUND_HEADER] === '1' ? 'background' : 'person';
    const lookup = await this.sessions.lookUp(sessionId, activity);
    if (lookup.found === 'none') throw new UnauthorizedException(refusal('session_missing'));
    if (lookup.found === 'ended') {
      const { session } = lookup;
      this.accessLog.record({ event: 'session_expired', role: session.role, subject: session.subject, identitySubject: session.identitySubject, from: request.ip, cause: lookup.why });
      // The body's own code says "expired" so the screens can tell an ended session from none; the reason says which end.
      throw new UnauthorizedException({ code: SPECIFIC_ERROR_CODES.sessionExpired, ...refusal(lookup.why === 'idle' ? 'session_idle' : 'session_max_age') });
    }
    if (!SAFE_METHODS.has(request.method)) this.requireCsrfToken(request, lookup.session);
    request[SESSION_PROPERTY] = lookup.session;
    return { role: lookup.session.role, subject: lookup.session.subject, displayName: lookup.session.displayName, viaProvider: true };
  }

  private requireCsrfToken(request: Request, session: WebSession): void {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || sent === '') {
      throw new ForbiddenException(refusal('csrf_token_missing'));
    }
    const expected = Buffer.from(session.csrfToken);
    const given = Buffer.from(sent);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new ForbiddenException(refusal('csrf_token_invalid'));
    }
  }
}

/** The session the guard found on this request, when it came with one. */
export function sessionOf(request: Request & Record<string, unknown>): WebSession | undefined {
  return request[SESSION_PROPERTY] as WebSession | undefined;
}
