import { generateSync } from 'otplib';
import { DEMO_PASSWORD } from '../../src/identity-provider/demo-accounts';

/** How a person signs in at the local provider over HTTP: the authenticator secret for the code step, and the password. */
export interface ProviderSignInOptions {
  /** The account's TOTP secret (base32); when given, the code step is filled in with the current code. */
  readonly totpSecret?: string;
  /** The password; the demo password when absent. */
  readonly password?: string;
}

/** The cookies of one client across requests, by name; enough for one origin on loopback (no domains, no expiry). */
export class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  /** Keeps the cookies a response sets, and forgets those it clears. */
  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';').map((part) => part.trim());
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      const path = attributes.find((attribute) => /^path=/i.test(attribute))?.slice(5) || '/';
      const expired = value === '' || attributes.some((attribute) => /^max-age=0$/i.test(attribute) || /^expires=Thu, 01 Jan 1970/i.test(attribute));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
  }

  /** The Cookie header for a URL: every kept cookie whose path covers the URL's. */
  header(url: string): string {
    const { pathname } = new URL(url);
    return [...this.cookies]
      .filter(([, cookie]) => pathname === cookie.path || pathname.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
  }

  /** Whether a cookie of this name is kept. */
  has(name: string): boolean {
    return this.cookies.has(name);
  }
}

/** The sign-in as `signInOverHttp` takes it, beside the e-mail address. */
export interface HttpSignInOptions extends ProviderSignInOptions {
  readonly email: string;
  /** Stops before requesting the first URL this accepts (such as the relying party's callback) and answers it. */
  readonly stopAt?: (url: URL) => boolean;
  /** Extra headers on every request, such as Accept-Language. */
  readonly headers?: Record<string, string>;
}

/** Where an HTTP sign-in ended: the last URL, and the answer to it unless it stopped before asking. */
export interface HttpSignInResult {
  readonly url: URL;
  readonly response: Response | undefined;
}

/** Thrown when the provider answers a form with a page instead of a redirect: the sign-in was refused. */
export class SignInRefused extends Error {
  constructor(readonly status: number, readonly page: string) {
    super(`the provider refused the sign-in with ${status}: ${errorOf(page) ?? '(no error on the page)'}`);
  }

  /** The text of the page's error summary. */
  get errorText(): string | undefined {
    return errorOf(this.page);
  }
}

const MAX_STEPS = 20;

/**
 * Runs a whole sign-in over plain HTTP as a browser would: from `startUrl` (the relying party's login, or an
 * authorization URL) it follows redirects with the cookie jar, fills in the provider's login form and, with a TOTP
 * secret, the code form, and goes on until an answer is no redirect or `stopAt` accepts the next URL.
 */
export async function signInOverHttp(startUrl: string, jar: CookieJar, options: HttpSignInOptions): Promise<HttpSignInResult> {
  let url = new URL(startUrl);
  let init: RequestInit = { method: 'GET' };
  for (let step = 0; step < MAX_STEPS; step += 1) {
    if (options.stopAt?.(url)) return { url, response: undefined };
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...options.headers, ...(init.headers as Record<string, string>), cookie: jar.header(url.href) } });
    jar.store(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url);
      init = { method: 'GET' };
      continue;
    }
    const form = init.method === 'POST' ? undefined : providerForm(await response.clone().text(), url);
    if (init.method === 'POST' && response.status !== 200) throw new SignInRefused(response.status, await response.text());
    if (init.method === 'POST') {
      // A form answered with 200 is the next step (the code), or a refusal shown on the same form again.
      const page = await response.text();
      const next = providerForm(page, url);
      if (!next || errorOf(page) !== undefined) throw new SignInRefused(response.status, page);
      ({ url, init } = fill(next, options));
      continue;
    }
    if (!form) return { url, response };
    ({ url, init } = fill(form, options));
  }
  throw new Error(`the sign-in took more than ${MAX_STEPS} steps; last at ${url.href}`);
}

interface ProviderForm {
  readonly action: URL;
  readonly kind: 'login' | 'totp';
}

function providerForm(page: string, base: URL): ProviderForm | undefined {
  const action = /<form[^>]*method="post"[^>]*action="([^"]+)"/.exec(page)?.[1];
  if (!action) return undefined;
  const target = new URL(action.replace(/&#38;/g, '&'), base);
  if (page.includes('name="password"')) return { action: target, kind: 'login' };
  if (page.includes('name="code"')) return { action: target, kind: 'totp' };
  return undefined;
}

function fill(form: ProviderForm, options: HttpSignInOptions): { url: URL; init: RequestInit } {
  if (form.kind === 'totp' && options.totpSecret === undefined) throw new Error('the provider asks for an authenticator code, but no TOTP secret was given');
  const fields: Record<string, string> = form.kind === 'login'
    ? { email: options.email, password: options.password ?? DEMO_PASSWORD }
    : { code: generateSync({ secret: options.totpSecret as string }) };
  return {
    url: form.action,
    init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() },
  };
}

function errorOf(page: string): string | undefined {
  const text = /<div class="vb-idp-error"[^>]*role="alert"[^>]*><p>([^<]*)<\/p>/.exec(page)?.[1];
  return text?.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)));
}
