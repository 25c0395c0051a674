import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { BrigadeConfig } from '../config/brigade-config';
import type { ProviderIdentity } from './provider-identity';
import { sessionEndAt, type SessionEnd, type WebSession } from './web-session';
import { WEB_SESSION_STORE, type WebSessionStore } from './web-session-store.port';

/** A session found for a cookie: still open, ended (and why), or not there at all. */
export type SessionLookup =
  | { readonly found: 'open'; readonly session: WebSession }
  | { readonly found: 'ended'; readonly why: SessionEnd; readonly session: WebSession }
  | { readonly found: 'none' };

/** Opens, checks and ends the screens' sessions with the configured idle and absolute timeouts. */
@Injectable()
export class WebSessions {
  constructor(
    private readonly config: BrigadeConfig,
    @Inject(WEB_SESSION_STORE) private readonly store: WebSessionStore,
  ) {}

  /** Opens a session for someone the provider just vouched for; returns the cookie's value and the session. */
  async open(identity: ProviderIdentity, idToken: string, now = new Date()): Promise<{ sessionId: string; session: WebSession }> {
    const sessionId = randomToken();
    const absoluteExpiresAt = new Date(now.getTime() + this.config.session.maxAgeMs);
    const session: WebSession = {
      role: identity.role,
      subject: identity.subject,
      displayName: identity.displayName,
      identitySubject: identity.identitySubject,
      idToken,
      csrfToken: randomToken(),
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt: earliest(new Date(now.getTime() + this.config.session.idleTimeoutMs), absoluteExpiresAt),
      absoluteExpiresAt,
    };
    await this.store.open(sessionId, session);
    return { sessionId, session };
  }

  /**
   * The session a cookie names. A person's own request moves its idle deadline; a background one (the screens' polling)
   * does not, so an open tab alone never keeps a session alive. An ended session is removed as it is found.
   */
  async lookUp(sessionId: string, activity: 'person' | 'background', now = new Date()): Promise<SessionLookup> {
    const session = await this.store.find(sessionId);
    if (!session) return { found: 'none' };
    // The row's own deadlines are capped by the configured maximum: a row written with a later one (by hand, or under an
    // older, longer setting) still ends in time.
    // A start in the future is no start: such a row ends at once.
    const startedAt = session.createdAt > now ? new Date(0) : session.createdAt;
    const ended = sessionEndAt({
      idleExpiresAt: earliest(session.idleExpiresAt, new Date(session.lastSeenAt.getTime() + this.config.session.idleTimeoutMs)),
      absoluteExpiresAt: earliest(session.absoluteExpiresAt, new Date(startedAt.getTime() + this.config.session.maxAgeMs)),
    }, now);
    if (ended) {
      await this.store.end(sessionId);
      return { found: 'ended', why: ended, session };
    }
    if (activity === 'background') return { found: 'open', session };
    const idleExpiresAt = earliest(new Date(now.getTime() + this.config.session.idleTimeoutMs), session.absoluteExpiresAt);
    await this.store.touch(sessionId, now, idleExpiresAt);
    return { found: 'open', session: { ...session, lastSeenAt: now, idleExpiresAt } };
  }

  /** Ends a session (sign-out); returns it, or null when it was already gone. */
  end(sessionId: string): Promise<WebSession | null> {
    return this.store.end(sessionId);
  }
}

/** 256 random bits, URL-safe: a cookie value or CSRF token nobody can guess. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

function earliest(a: Date, b: Date): Date {
  return a <= b ? a : b;
}
