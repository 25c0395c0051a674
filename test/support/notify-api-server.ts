import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify } from 'jose';

/** One request as the server received it, for assertions. */
export interface NotifyApiRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  readonly body: Readonly<Record<string, unknown>> | undefined;
  /** The bearer token's verified claims; undefined when the token did not verify. */
  readonly claims: { readonly iss: string; readonly iat: number } | undefined;
}

/** An error status the server can be told to answer with, as the Notify API documents them. */
export type NotifyErrorStatus = 400 | 403 | 429 | 500;

/** A documented error entry of the Notify API. */
export interface NotifyApiError {
  readonly error: string;
  readonly message: string;
}

const DOCUMENTED_ERRORS: Record<NotifyErrorStatus, NotifyApiError> = {
  400: { error: 'BadRequestError', message: "Can't send to this recipient using a team-only API key" },
  403: { error: 'AuthError', message: 'Invalid token: API key not found' },
  429: { error: 'RateLimitError', message: 'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds' },
  500: { error: 'Exception', message: 'Internal server error' },
};

// Notify refuses a token whose iat is further from its own clock than this.
const CLOCK_SKEW_SECONDS = 30;

/** A notification as the server keeps it and lists it. */
export interface StoredNotification {
  readonly id: string;
  readonly type: 'email' | 'sms';
  readonly reference: string | null;
  readonly email_address: string | null;
  readonly phone_number: string | null;
  readonly template: { readonly id: string; readonly version: number; readonly uri: string };
  readonly body: string;
  readonly subject: string | null;
  readonly status: string;
  readonly created_at: string;
}

/**
 * A local stand-in for the NotifyNL/GOV.UK Notify API v2: sending e-mail and text messages, listing notifications,
 * JWT bearer authentication as documented, recorded requests, and errors on demand.
 */
export class NotifyApiServer {
  readonly serviceId = randomUUID();
  readonly secret = randomUUID();
  readonly emailTemplateId = randomUUID();
  readonly smsTemplateId = randomUUID();
  readonly requests: NotifyApiRequest[] = [];
  private readonly notifications: StoredNotification[] = [];
  private readonly failures: Array<{ status: NotifyErrorStatus; error: NotifyApiError }> = [];
  private server?: Server;

  /** Starts a server on a free loopback port. */
  static async start(): Promise<NotifyApiServer> {
    const api = new NotifyApiServer();
    api.server = createServer((request, response) => void api.handle(request, response));
    await new Promise<void>((resolve) => api.server?.listen(0, '127.0.0.1', resolve));
    return api;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  /** An API key in Notify's format, `{key_name}-{iss uuid}-{secret uuid}`. */
  get apiKey(): string {
    return `brigade_test-${this.serviceId}-${this.secret}`;
  }

  /** The notifications accepted so far, oldest first. */
  get sent(): readonly StoredNotification[] {
    return this.notifications;
  }

  /** Answers the next `count` requests with `status` and the documented error body (or the given error). */
  failNext(count: number, status: NotifyErrorStatus, error: NotifyApiError = DOCUMENTED_ERRORS[status]): void {
    for (let i = 0; i < count; i += 1) this.failures.push({ status, error });
  }

  /** Forgets the error answers still queued. */
  clearFailures(): void {
    this.failures.length = 0;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server?.close((error) => (error ? reject(error) : resolve())) ?? resolve());
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://notify.invalid');
    const body = await readJson(request);
    const claims = await this.verify(request.headers.authorization);
    this.requests.push({ method: request.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: request.headers, body, claims: claims.ok ? claims.claims : undefined });
    const failure = this.failures.shift();
    if (failure) return answerError(response, failure.status, failure.error);
    if (!claims.ok) return answerError(response, claims.status, { error: 'AuthError', message: claims.message });
    const route = `${request.method} ${url.pathname}`;
    if (route === 'POST /v2/notifications/email') return this.sendEmail(response, body ?? {});
    if (route === 'POST /v2/notifications/sms') return this.sendSms(response, body ?? {});
    if (route === 'GET /v2/notifications') return this.list(response, url.searchParams);
    return answerError(response, 404, { error: 'BadRequestError', message: 'Not found' });
  }

  // Notify's documented scheme: HS256 over {iss: service id, iat}, signed with the key's secret, iat within 30 seconds.
  private async verify(authorization: string | undefined): Promise<
    { ok: true; claims: { iss: string; iat: number } } | { ok: false; status: 401 | 403; message: string }
  > {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!token) return { ok: false, status: 401, message: 'Unauthorized: authentication token must be provided' };
    try {
      const { payload } = await jwtVerify(token, new TextEncoder().encode(this.secret), { algorithms: ['HS256'], issuer: this.serviceId });
      const iat = payload.iat ?? 0;
      if (Math.abs(Date.now() / 1000 - iat) > CLOCK_SKEW_SECONDS) {
        return { ok: false, status: 403, message: 'Error: Your system clock must be accurate to within 30 seconds' };
      }
      return { ok: true, claims: { iss: String(payload.iss), iat } };
    } catch {
      return { ok: false, status: 403, message: 'Invalid token: signature, api token not found' };
    }
  }

  private sendEmail(response: ServerResponse, body: Readonly<Record<string, unknown>>): void {
    const personalisation = (body.personalisation ?? {}) as Record<string, unknown>;
    if (body.template_id !== this.emailTemplateId) return answerError(response, 400, { error: 'BadRequestError', message: 'Template not found' });
    if (typeof body.email_address !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(body.email_address)) {
      return answerError(response, 400, { error: 'ValidationError', message: 'email_address Not a valid email address' });
    }
    const missing = ['subject', 'body'].filter((field) => typeof personalisation[field] !== 'string');
    if (missing.length > 0) return answerError(response, 400, { error: 'BadRequestError', message: `Missing personalisation: ${missing.join(', ')}` });
    const stored = this.store('email', body, { email_address: body.email_address, body: String(personalisation.body), subject: String(personalisation.subject) });
    answer(response, 201, {
      id: stored.id, reference: stored.reference,
      content: { body: stored.body, subject: stored.subject, from_email: 'brigade@notify.example' },
      uri: `${this.baseUrl}/v2/notifications/${stored.id}`, template: stored.template,
    });
  }

  private sendSms(response: ServerResponse, body: Readonly<Record<string, unknown>>): void {
    const personalisation = (body.personalisation ?? {}) as Record<string, unknown>;
    if (body.template_id !== this.smsTemplateId) return answerError(response, 400, { error: 'BadRequestError', message: 'Template not found' });
    if (typeof body.phone_number !== 'string' || !/^\+?[0-9 ]{8,16}$/.test(body.phone_number)) {
      return answerError(response, 400, { error: 'ValidationError', message: 'phone_number Not a valid phone number' });
    }
    if (typeof personalisation.body !== 'string') return answerError(response, 400, { error: 'BadRequestError', message: 'Missing personalisation: body' });
    const stored = this.store('sms', body, { phone_number: body.phone_number, body: personalisation.body });
    answer(response, 201, {
      id: stored.id, reference: stored.reference,
      content: { body: stored.body, from_number: 'Brigade' },
      uri: `${this.baseUrl}/v2/notifications/${stored.id}`, template: stored.template,
    });
  }

  private list(response: ServerResponse, query: URLSearchParams): void {
    const matches = this.notifications
      .filter((notification) => !query.get('template_type') || notification.type === query.get('template_type'))
      .filter((notification) => !query.get('status') || notification.status === query.get('status'))
      .filter((notification) => !query.get('reference') || notification.reference === query.get('reference'))
      .reverse();
    answer(response, 200, { notifications: matches, links: { current: `${this.baseUrl}/v2/notifications?${query.toString()}` } });
  }

  private store(type: 'email' | 'sms', body: Readonly<Record<string, unknown>>, content: Partial<StoredNotification> & { body: string }): StoredNotification {
    const id = randomUUID();
    const templateId = String(body.template_id);
    const stored: StoredNotification = {
      id, type, reference: typeof body.reference === 'string' ? body.reference : null,
      email_address: null, phone_number: null, subject: null, ...content,
      template: { id: templateId, version: 1, uri: `${this.baseUrl}/v2/template/${templateId}` },
      status: 'created', created_at: new Date().toISOString(),
    };
    this.notifications.push(stored);
    return stored;
  }
}

function readJson(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('error', reject);
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? (JSON.parse(text) as Record<string, unknown>) : undefined);
      } catch {
        resolve(undefined);
      }
    });
  });
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

function answerError(response: ServerResponse, status: number, error: NotifyApiError): void {
  answer(response, status, { status_code: status, errors: [error] });
}
