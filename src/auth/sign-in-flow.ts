import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { BrigadeConfig } from '../config/brigade-config';
import { EXPERT_DIRECTORY, type ExpertDirectory } from '../expert-directory/expert-directory.port';
import { requestLanguage } from '../i18n/request-language';
import { AccessLog } from '../access-log/access-log';
import { OidcRelyingParty } from './oidc-relying-party';
import { isIdentityRefusal, providerIdentity } from './provider-identity';
import { clearCookie, readCookie, sessionCookieNames, setCookie, type SessionCookieNames } from './session-cookies';
import { signInRefusalPage, type SignInRefusalReason } from './sign-in-refusal-page';
import { WEB_SESSION_STORE, type WebSessionStore } from './web-session-store.port';
import { WebSessions } from './web-sessions';

/** How long a person may take at the provider before the attempt is forgotten. */
const ATTEMPT_LIFETIME_SECONDS = 10 * 60;
/** Where a person lands when the sign-in named no screen of its own. */
const DEFAULT_RETURN = '/ui/';
// A screen of Brigade's own: a path under /ui/ with no scheme, host, backslash or second slash to leave the site by.
const SCREEN_PATH = /^\/ui\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%?]*$/;

/** The authorization code flow with PKCE, from the sign-in button to a session cookie, and every way it can stop. */
@Injectable()
export class SignInFlow {
  private readonly logger = new Logger(SignInFlow.name);
  private readonly cookies: SessionCookieNames;

  constructor(
    private readonly config: BrigadeConfig,
    private readonly relyingParty: OidcRelyingParty,
    private readonly sessions: WebSessions,
    private readonly accessLog: AccessLog,
    @Inject(WEB_SESSION_STORE) private readonly store: WebSessionStore,
    @Inject(EXPERT_DIRECTORY) private readonly experts: ExpertDirectory,
  ) {
    this.cookies = sessionCookieNames(config.publicUrl);
  }

  /** Starts an attempt and sends the browser to the provider; first to Brigade's public origin when it came by another. */
  async begin(request: Request, response: Response): Promise<void> {
    const returnTo = screenPath(request.query.next);
    // The attempt's cookie must be set on the host the provider returns to, or the way back would not find it. Only the
    // host is compared: behind a proxy that ends TLS the request arrives as http for an https public URL.
    if ((request.headers.host ?? '').toLowerCase() !== new URL(this.config.publicUrl).host) {
      response.redirect(303, `${this.config.publicUrl}/auth/login?next=${encodeURIComponent(returnTo)}`);
      return;
    }
    const attempt = this.relyingParty.newAttempt(returnTo);
    let authorizationUrl: URL;
    try {
      authorizationUrl = await this.relyingParty.authorizationUrl(attempt);
    } catch (error) {
      this.logger.error(`the identity provider ${this.config.oidc.issuer} cannot be reached: ${String(error)}`);
      this.refuse(request, response, 503, 'provider_unreachable', String(error));
      return;
    }
    const attemptId = randomBytes(32).toString('base64url');
    const now = new Date();
    await this.store.removeExpired(now);
    await this.store.saveAttempt(attemptId, attempt, new Date(now.getTime() + ATTEMPT_LIFETIME_SECONDS * 1000));
    setCookie(response, this.config.publicUrl, this.cookies.attempt, attemptId, ATTEMPT_LIFETIME_SECONDS);
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(303, authorizationUrl.href);
  }

  /**
   * Finishes the attempt this browser started: taken once, its state compared, the code exchanged with the PKCE
   * verifier, the ID token's nonce, signature, issuer and audience checked, the person mapped to a role; then a session.
   */
  async complete(request: Request, response: Response): Promise<void> {
    const attemptId = readCookie(request, this.cookies.attempt);
    clearCookie(response, this.config.publicUrl, this.cookies.attempt);
    const attempt = attemptId === undefined ? null : await this.store.takeAttempt(attemptId, new Date());
    if (!attempt) return this.refuse(request, response, 400, 'attempt_unknown', attemptId ? 'the attempt is unknown, used or expired' : 'no attempt cookie');
    // Checked here too, before the code travels anywhere: a state that is not this browser's is someone else's answer.
    if (request.query.state !== attempt.state) return this.refuse(request, response, 400, 'attempt_mismatch', 'state does not match the attempt');
    if (typeof request.query.error === 'string') {
      return this.refuse(request, response, 403, 'provider_error', `${request.query.error}: ${String(request.query.error_description ?? '')}`.slice(0, 300));
    }
    let signIn;
    try {
      signIn = await this.relyingParty.complete(new URL(request.originalUrl, this.config.publicUrl), attempt);
    } catch (error) {
      return this.refuse(request, response, 400, 'exchange_failed', error instanceof Error ? error.message : String(error));
    }
    const stale = staleAuthentication(signIn.claims.auth_time, attempt.startedAt ?? new Date(), this.config.oidc.maxAuthAgeSeconds);
    if (stale) return this.refuse(request, response, 403, 'reauthentication_required', stale, String(signIn.claims.sub ?? ''));
    const identity = await providerIdentity(signIn.claims, this.config.oidc, (subject, email) => this.experts.findSignInRecord(subject, email));
    if (isIdentityRefusal(identity)) return this.refuse(request, response, 403, identity.refused, identity.detail, String(signIn.claims.sub ?? ''));
    const { sessionId, session } = await this.sessions.open(identity, signIn.idToken);
    setCookie(response, this.config.publicUrl, this.cookies.session, sessionId, Math.ceil((session.absoluteExpiresAt.getTime() - Date.now()) / 1000));
    this.accessLog.record({ event: 'sign_in', role: identity.role, subject: identity.subject, identitySubject: identity.identitySubject, from: request.ip });
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(303, `${this.config.publicUrl}${attempt.returnTo}`);
  }

  private refuse(request: Request, response: Response, status: number, reason: SignInRefusalReason, detail: string, identitySubject?: string): void {
    this.accessLog.record({ event: 'sign_in_refused', cause: reason, detail, from: request.ip, ...(identitySubject && { identitySubject }) });
    response.status(status)
      .setHeader('Content-Type', 'text/html; charset=utf-8')
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
      .setHeader('X-Content-Type-Options', 'nosniff')
      .setHeader('Referrer-Policy', 'no-referrer')
      .send(signInRefusalPage(reason, requestLanguage(request.headers['accept-language'])));
  }
}

// A provider's clock and Brigade's may differ by a little; more than this, and a sign-in is taken as not fresh.
const CLOCK_SKEW_SECONDS = 5;

/**
 * Why the provider's `auth_time` is too old for Brigade, or null when it is fresh enough. The authorization request asks
 * for `max_age`, but the browser carries that request and can strip it: so Brigade checks the answer itself. With a
 * maximum of 0 the person must have entered their credentials after this attempt began.
 */
export function staleAuthentication(authTime: unknown, attemptStartedAt: Date, maxAuthAgeSeconds: number, now = new Date()): string | null {
  if (typeof authTime !== 'number' || !Number.isFinite(authTime)) return 'the ID token carries no auth_time';
  const earliest = maxAuthAgeSeconds === 0 ? attemptStartedAt.getTime() / 1000 : now.getTime() / 1000 - maxAuthAgeSeconds;
  if (authTime < earliest - CLOCK_SKEW_SECONDS) {
    return `the credentials were entered at ${new Date(authTime * 1000).toISOString()}, before ${new Date(earliest * 1000).toISOString()}`;
  }
  return null;
}

/** The screen to return to: a path under /ui/, or the screens' start. */
export function screenPath(next: unknown): string {
  return typeof next === 'string' && SCREEN_PATH.test(next) && !next.startsWith('/ui//') ? next : DEFAULT_RETURN;
}
