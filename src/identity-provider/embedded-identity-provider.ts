import { Injectable, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { readFileSync } from 'node:fs';
import { verifySync } from 'otplib';
import { AccessLog } from '../access-log/access-log';
import { Provider, errors } from 'oidc-provider';
import { BrigadeConfig } from '../config/brigade-config';
import type { ProviderAccount } from './demo-accounts';
import { pageHeaders } from './page-headers';
import { pageLanguage, withLanguage } from './page-language';
import { ProcessMemoryStore } from './process-memory-adapter';
import { ProviderAccounts } from './provider-accounts';
import { SIGN_IN_STYLESHEET, SIGN_OUT_SCRIPT } from './provider-assets';
import { ACR, AMR, INTERACTION_PATH, providerConfiguration } from './provider-configuration';
import { errorPage, loginPage, PROVIDER_ASSETS, totpPage, type PageFrame } from './provider-pages';
import { ProviderPages } from './provider-pages-koa';
import { PROVIDER_TEXTS } from './provider-texts';
import { SignInThrottle } from './sign-in-throttle';

/** The path below which the provider is mounted on Brigade's HTTP server; the issuer is the public origin plus this. */
export const PROVIDER_MOUNT_PATH = '/oidc';

const INTERACTION = /^\/interaction\/([A-Za-z0-9_-]{1,64})(?:\/(login|totp))?$/;
// A sign-in form is a few hundred bytes; anything much larger is not one.
const FORM_LIMIT_BYTES = 8 * 1024;
// How long a person has for the code after their password was right.
const TOTP_STEP_MS = 5 * 60_000;
// One step back and forth: the phone's clock and the server's may differ a little, and a code typed at the turn still counts.
const TOTP_TOLERANCE_SECONDS = 30;

/** A password that was right for an account with an authenticator app, waiting for the code. */
interface PendingCode {
  readonly account: ProviderAccount;
  readonly email: string;
  readonly expiresAt: number;
}

/**
 * Brigade's embedded OpenID Connect provider (oidc-provider) with its sign-in pages: for a local machine, never for
 * production. Its Express handler answers everything below `/oidc`.
 */
@Injectable()
export class EmbeddedIdentityProvider {
  private readonly logger = new Logger('IdentityProvider');
  private readonly throttle = new SignInThrottle();
  private readonly pendingCodes = new Map<string, PendingCode>();
  /** Per account, the time step of the last code accepted: RFC 6238 §5.2 lets a code open one sign-in only. */
  private readonly lastCodeSteps = new Map<string, number>();
  private provider: Provider | undefined;

  constructor(
    private readonly config: BrigadeConfig,
    private readonly accounts: ProviderAccounts,
    private readonly accessLog: AccessLog,
  ) {}

  /**
   * The Express handler for everything below the mount path. Built on first use, which writes the provider's keys and
   * the client secret to the data folder when they are not there yet.
   */
  handler(): (request: Request, response: Response, next: NextFunction) => void {
    const provider = this.oidc();
    const callback = provider.callback();
    const publicUrl = new URL(this.config.publicUrl);
    const designTokens = readFileSync(require.resolve('@nl-rvo/design-tokens/dist/index.css'), 'utf8');
    return (request, response, next) => {
      // The provider builds every URL it hands out from the request; Brigade's public origin is what people open, however
      // this request arrived (127.0.0.1, or a proxy that ends TLS). The Host allow-list has already checked the Host.
      request.headers['x-forwarded-host'] = publicUrl.host;
      request.headers['x-forwarded-proto'] = publicUrl.protocol.slice(0, -1);
      delete request.headers['x-forwarded-for'];
      const path = request.path;
      if (request.method === 'GET' || request.method === 'HEAD') {
        if (`${PROVIDER_MOUNT_PATH}${path}` === PROVIDER_ASSETS.designTokens) return void sendAsset(response, 'text/css', designTokens);
        if (`${PROVIDER_MOUNT_PATH}${path}` === PROVIDER_ASSETS.stylesheet) return void sendAsset(response, 'text/css', SIGN_IN_STYLESHEET);
        if (`${PROVIDER_MOUNT_PATH}${path}` === PROVIDER_ASSETS.signOutScript) return void sendAsset(response, 'text/javascript', SIGN_OUT_SCRIPT);
      }
      const interaction = INTERACTION.exec(path);
      if (!interaction) return void callback(request, response);
      const [, uid, step] = interaction;
      const method = request.method === 'HEAD' ? 'GET' : request.method;
      const answer = step === undefined && method === 'GET' ? this.showInteraction(request, response, uid)
        : step !== undefined && method === 'POST' ? this.submit(request, response, uid, step as 'login' | 'totp')
          : Promise.resolve(void response.status(405).setHeader('Allow', step === undefined ? 'GET' : 'POST').end());
      answer.catch((error: unknown) => this.interactionFailed(request, response, error, next));
    };
  }

  private oidc(): Provider {
    if (this.provider) return this.provider;
    const provider = new Provider(this.config.oidc.issuer, providerConfiguration(this.config, this.accounts, new ProviderPages(this.config), new ProcessMemoryStore()));
    // The headers it reads are the ones set above from the public origin, never a client's.
    provider.proxy = true;
    provider.on('server_error', (_ctx, error) => this.logger.error({ msg: 'local provider failed', error: error.message }));
    this.provider = provider;
    return provider;
  }

  private async showInteraction(request: Request, response: Response, uid: string): Promise<void> {
    const details = await this.oidc().interactionDetails(request, response);
    if (details.uid !== uid) throw new errors.SessionNotFound('interaction session and path do not match');
    const frame = this.frame(request, details.params.ui_locales);
    if (this.pendingCode(uid)) return this.page(response, 200, totpPage(frame, { action: this.action(uid, 'totp', frame) }));
    const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : '';
    this.page(response, 200, loginPage(frame, { action: this.action(uid, 'login', frame), email: hint }));
  }

  private async submit(request: Request, response: Response, uid: string, step: 'login' | 'totp'): Promise<void> {
    const form = await readForm(request);
    // The interaction cookie, bound to this uid, is what protects the form from being posted by another site.
    const details = await this.oidc().interactionDetails(request, response);
    if (details.uid !== uid) throw new errors.SessionNotFound('interaction session and path do not match');
    const frame = this.frame(request, details.params.ui_locales);
    if (step === 'login') return this.checkPassword(request, response, uid, frame, form);
    return this.checkCode(request, response, uid, frame, form);
  }

  private async checkPassword(request: Request, response: Response, uid: string, frame: PageFrame, form: URLSearchParams): Promise<void> {
    const t = PROVIDER_TEXTS[frame.language];
    const email = (form.get('email') ?? '').trim().slice(0, 320);
    const action = this.action(uid, 'login', frame);
    if (!this.throttle.allows(email)) {
      this.accessLog.record({ event: 'provider_sign_in_refused', cause: 'too_many_attempts', subject: loggable(email), from: request.ip });
      return this.page(response, 429, loginPage(frame, { action, email, error: t.tooManyAttempts }));
    }
    const account = await this.accounts.withPassword(email, form.get('password') ?? '');
    if (!account) {
      this.throttle.recordFailure(email);
      this.accessLog.record({ event: 'provider_sign_in_refused', cause: 'wrong_credentials', subject: loggable(email), from: request.ip });
      return this.page(response, 401, loginPage(frame, { action, email, error: t.wrongCredentials }));
    }
    if (account.totpSecret !== undefined) {
      this.pendingCodes.set(uid, { account, email, expiresAt: Date.now() + TOTP_STEP_MS });
      return void response.redirect(303, withLanguage(`${INTERACTION_PATH}/${uid}`, frame.language));
    }
    await this.finish(request, response, account, email, 'password');
  }

  private async checkCode(request: Request, response: Response, uid: string, frame: PageFrame, form: URLSearchParams): Promise<void> {
    const t = PROVIDER_TEXTS[frame.language];
    const pending = this.pendingCode(uid);
    // Without a password that was right for this interaction, there is nothing to confirm: back to the password.
    if (!pending?.account.totpSecret) return void response.redirect(303, withLanguage(`${INTERACTION_PATH}/${uid}`, frame.language));
    const action = this.action(uid, 'totp', frame);
    if (!this.throttle.allows(pending.email)) {
      this.pendingCodes.delete(uid);
      this.accessLog.record({ event: 'provider_sign_in_refused', cause: 'too_many_attempts', subject: pending.account.email, from: request.ip });
      return this.page(response, 429, loginPage(frame, { action: this.action(uid, 'login', frame), email: pending.email, error: t.tooManyAttempts }));
    }
    const code = (form.get('code') ?? '').replace(/\s+/g, '');
    const checked = /^[0-9]{6}$/.test(code) ? verifySync({ secret: pending.account.totpSecret, token: code, epochTolerance: TOTP_TOLERANCE_SECONDS }) : undefined;
    const step = checked?.valid && 'epoch' in checked ? Math.floor(Number(checked.epoch) / 30) : undefined;
    const spent = step !== undefined && step <= (this.lastCodeSteps.get(pending.account.accountId) ?? -1);
    if (step === undefined || spent) {
      this.throttle.recordFailure(pending.email);
      this.accessLog.record({ event: 'provider_sign_in_refused', cause: spent ? 'code_already_used' : 'wrong_code', subject: pending.account.email, from: request.ip });
      return this.page(response, 401, totpPage(frame, { action, error: t.wrongCode }));
    }
    this.lastCodeSteps.set(pending.account.accountId, step);
    this.pendingCodes.delete(uid);
    await this.finish(request, response, pending.account, pending.email, 'mfa');
  }

  private async finish(request: Request, response: Response, account: ProviderAccount, email: string, strength: 'password' | 'mfa'): Promise<void> {
    this.throttle.recordSuccess(email);
    this.accessLog.record({ event: 'provider_sign_in', subject: account.email, identitySubject: account.accountId, cause: ACR[strength], from: request.ip });
    await this.oidc().interactionFinished(request, response, {
      login: { accountId: account.accountId, acr: ACR[strength], amr: [...AMR[strength]], remember: false },
    }, { mergeWithLastSubmission: false });
  }

  private pendingCode(uid: string): PendingCode | undefined {
    const now = Date.now();
    for (const [key, pending] of this.pendingCodes) if (pending.expiresAt <= now) this.pendingCodes.delete(key);
    return this.pendingCodes.get(uid);
  }

  private frame(request: Request, uiLocales: unknown): PageFrame {
    const language = pageLanguage(request.query.lang, uiLocales, request.headers['accept-language']);
    return { language, otherLanguageHref: withLanguage(request.originalUrl.replace(/\/(login|totp)(\?|$)/, '$2'), PROVIDER_TEXTS[language].otherLanguage.code) };
  }

  private action(uid: string, step: 'login' | 'totp', frame: PageFrame): string {
    return withLanguage(`${INTERACTION_PATH}/${uid}/${step}`, frame.language);
  }

  private page(response: Response, status: number, html: string): void {
    response.status(status).set(pageHeaders(this.config.publicUrl)).type('html').send(html);
  }

  private interactionFailed(request: Request, response: Response, error: unknown, next: NextFunction): void {
    if (response.headersSent) return next(error);
    if (error instanceof errors.OIDCProviderError) {
      // Most often the interaction expired, or its cookie is missing: the page says so and sends the person back.
      const frame = this.frame(request, undefined);
      return this.page(response, error.statusCode, errorPage(frame, { error: error.error, error_description: error.error_description }));
    }
    if (error instanceof FormError) return this.page(response, 400, errorPage(this.frame(request, undefined), { error: 'invalid_request', error_description: error.message }));
    next(error);
  }
}

class FormError extends Error {}

async function readForm(request: Request): Promise<URLSearchParams> {
  if (!request.is('application/x-www-form-urlencoded')) throw new FormError('the form must be sent as application/x-www-form-urlencoded');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > FORM_LIMIT_BYTES) throw new FormError('the form is too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function sendAsset(response: Response, type: string, body: string): void {
  response.status(200).set({ 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'public, max-age=3600', 'X-Content-Type-Options': 'nosniff' }).send(body);
}

// What a person typed as their address is logged only when it looks like one: a password typed in the wrong field is not.
function loggable(email: string): string {
  return /^[^\s@]{1,64}@[^\s@]{1,255}$/.test(email) ? email : '(not an e-mail address)';
}
