import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SignJWT, importPKCS8 } from 'jose';
import * as oidc from 'openid-client';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { localClientSecret } from '../../src/identity-provider/provider-files';
import { SessionModule } from '../../src/auth/session.module';
import { ExpertsModule } from '../../src/experts/experts.module';
import { DEMO_TOTP_SECRET } from '../../src/identity-provider/demo-accounts';
import { IdentityProviderModule } from '../../src/identity-provider/identity-provider.module';
import { mountIdentityProvider } from '../../src/identity-provider/mount-identity-provider';
import { createApiApp, type ApiApp } from '../support/api-app';
import { freePort } from '../support/free-port';
import { registerPoolExperts } from '../support/pool-experts';
import { CookieJar, SignInRefused, signInOverHttp, type HttpSignInOptions } from '../support/provider-sign-in';
import { AccessLog } from '../../src/access-log/access-log';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const EXPERT = { expertId: randomUUID(), name: 'Fenna de Wit' };
const poolEmail = (expertId: string) => `pool-${expertId}@brigade.test`;

/** One app with the local provider and the relying party on a real port, per configuration. */
async function startApp(db: TestDatabase, extraEnv: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'brigade-sign-in-'));
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const env = { PORT: String(port), BRIGADE_PUBLIC_URL: publicUrl, BRIGADE_DATA_DIR: dataDir, ...extraEnv };
  const app = await createApiApp(db, { imports: [IdentityProviderModule, SessionModule, ExpertsModule], env, beforeInit: mountIdentityProvider });
  await app.app.listen(port, '127.0.0.1');
  return { app, publicUrl, dataDir, close: async () => { await app.close(); rmSync(dataDir, { recursive: true, force: true }); } };
}

let db: TestDatabase;
let publicUrl: string;
let app: ApiApp;
let dataDir: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  db = await createTestDatabase();
  await registerPoolExperts(db, EXPERT);
  ({ app, publicUrl, dataDir, close: stop } = await startApp(db));
});
afterAll(async () => {
  await stop?.();
  await db?.drop();
});

/** A request with the jar's cookies and no redirects followed. */
async function get(url: string, jar: CookieJar, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(new URL(url, publicUrl), { redirect: 'manual', headers: { ...headers, cookie: jar.header(new URL(url, publicUrl).href) } });
  jar.store(response);
  return response;
}

/** Starts a sign-in at Brigade and signs in at the provider, stopping before the browser returns to the callback. */
async function signInUpToCallback(jar: CookieJar, options: Omit<HttpSignInOptions, 'stopAt'>, next = '/ui/board'): Promise<URL> {
  const { url } = await signInOverHttp(`${publicUrl}/auth/login?next=${encodeURIComponent(next)}`, jar, {
    ...options, stopAt: (candidate) => candidate.pathname === '/auth/callback',
  });
  return url;
}

/** Follows the way back to Brigade and answers what the callback said. */
function returnTo(callback: URL, jar: CookieJar): Promise<Response> {
  return get(callback.href, jar);
}

/** Follows redirects with the jar's cookies until an answer is not one; the provider's forms are left unfilled. */
async function followWithoutSigningIn(url: string, jar: CookieJar): Promise<{ response: Response; url: string }> {
  let at = url;
  for (let step = 0; step < 10; step += 1) {
    const response = await get(at, jar);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { response, url: at };
    at = new URL(location, at).href;
  }
  throw new Error(`more than 10 redirects from ${url}`);
}

/** The reason a refusal page names. */
async function refusedFor(response: Response): Promise<string | undefined> {
  return /data-reason="([a-z_]+)"/.exec(await response.text())?.[1];
}

/** The session the jar's cookie opens, or the status it gets. */
async function sessionOf(jar: CookieJar): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await get('/auth/session', jar);
  return { status: response.status, body: await response.json() as Record<string, unknown> };
}

describe('signing in to the screens through the provider', () => {
  it('opens a session held by the server: the browser gets only an HttpOnly, SameSite cookie and comes back where it asked', async () => {
    const jar = new CookieJar();
    const response = await returnTo(await signInUpToCallback(jar, { email: 'coordinator@brigade.local' }), jar);

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${publicUrl}/ui/board`);
    const cookie = response.headers.getSetCookie().find((header) => header.startsWith('brigade_session='))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    const session = await sessionOf(jar);
    expect(session).toMatchObject({ status: 200, body: { role: 'coordinator', subject: 'demo-coordinator', displayName: 'Demo Coördinator' } });
    expect(session.body.csrfToken).toEqual(expect.stringMatching(/^[A-Za-z0-9_-]{43}$/));
    // The server keeps the tokens: the page's answers carry none of them.
    expect(JSON.stringify(session.body)).not.toMatch(/eyJ/);
  });

  it("signs an expert in as their pool record, found by the provider's verified e-mail address", async () => {
    const jar = new CookieJar();
    await returnTo(await signInUpToCallback(jar, { email: poolEmail(EXPERT.expertId) }), jar);

    expect((await sessionOf(jar)).body).toMatchObject({ role: 'expert', subject: EXPERT.expertId, displayName: EXPERT.name });
  });

  it("signs an expert in by the provider subject a coordinator set on their record, and refuses that subject for a second expert", async () => {
    const linked = { expertId: randomUUID(), name: 'Lotte Bos' };
    const second = { expertId: randomUUID(), name: 'Mees Bos' };
    await registerPoolExperts(db, linked, second);
    const coordinator = app.as('coordinator', 'c.jansen');
    const subject = `pool-${linked.expertId}`;
    await coordinator.patch(`/experts/${linked.expertId}`).send({ identitySubject: subject }).expect(200).expect((answer) => {
      expect(answer.body.identitySubject).toBe(subject);
    });
    const refused = await coordinator.patch(`/experts/${second.expertId}`).send({ identitySubject: subject }).expect(409);
    expect(refused.body.reason.code).toBe('expert_identity_subject_taken');
    await coordinator.patch(`/experts/${second.expertId}`).send({ identitySubject: 'has a space' }).expect(400);

    const jar = new CookieJar();
    await returnTo(await signInUpToCallback(jar, { email: poolEmail(linked.expertId) }), jar);
    expect((await sessionOf(jar)).body).toMatchObject({ role: 'expert', subject: linked.expertId });
  });

  it('refuses an expert whose pool record names another subject, with a 403 page that says why', async () => {
    const other = { expertId: randomUUID(), name: 'Hidde Smit' };
    await registerPoolExperts(db, other);
    await db.sql('UPDATE experts SET identity_subject = $2 WHERE expert_id = $1', [other.expertId, 'someone-else-at-the-provider']);
    const jar = new CookieJar();
    const response = await returnTo(await signInUpToCallback(jar, { email: poolEmail(other.expertId) }), jar);

    expect(response.status).toBe(403);
    expect(await refusedFor(response)).toBe('expert_linked_elsewhere');
    expect(jar.has('brigade_session')).toBe(false);
  });

  it('sends a sign-in that starts under another host name to the public URL first, so the cookies land where the provider returns', async () => {
    const response = await fetch(`${publicUrl.replace('127.0.0.1', 'localhost')}/auth/login?next=/ui/audit`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${publicUrl}/auth/login?next=%2Fui%2Faudit`);
  });

  it.each(['//evil.example/ui/', 'https://evil.example/', '/ui/\\\\evil.example', '/ui//evil.example', '/oidc/session/end', 'javascript:alert(1)'])(
    'never sends the browser off the screens afterwards, whatever next says (%s)', async (next) => {
      const jar = new CookieJar();
      const response = await returnTo(await signInUpToCallback(jar, { email: 'auditor@brigade.local' }, next), jar);
      expect(response.headers.get('location')).toBe(`${publicUrl}/ui/`);
    },
  );
});

describe('signing in again in the same browser', () => {
  it('asks for the password again, so a session that timed out is not reopened by the provider\'s own session', async () => {
    const jar = new CookieJar();
    await returnTo(await signInUpToCallback(jar, { email: 'coordinator@brigade.local' }), jar);
    await db.sql("UPDATE web_sessions SET idle_expires_at = now() - interval '1 second'");
    expect((await sessionOf(jar)).status).toBe(401);

    const { response, url } = await followWithoutSigningIn(`${publicUrl}/auth/login`, jar);
    expect(response.status).toBe(200);
    expect(new URL(url).pathname).toMatch(/^\/oidc\/interaction\//);
    expect(await response.text()).toContain('name="password"');
  });

  it("refuses a sign-in whose authorization request lost its max_age on the way: the provider's own session is not enough", async () => {
    const jar = new CookieJar();
    await returnTo(await signInUpToCallback(jar, { email: 'coordinator@brigade.local' }), jar);
    await db.sql("DELETE FROM web_sessions");
    // Brigade's session is gone; the provider's stays. The browser carries the authorization request, and drops max_age.
    const toProvider = await get('/auth/login?next=/ui/', jar);
    // As if the first sign-in had been a minute before this attempt, not a moment.
    await db.sql("UPDATE sign_in_attempts SET created_at = created_at + interval '1 minute'");
    const authorization = new URL(toProvider.headers.get('location')!);
    authorization.searchParams.delete('max_age');
    let at = authorization.href;
    let response = await get(at, jar);
    while (response.status >= 300 && response.status < 400 && !new URL(response.headers.get('location')!, at).pathname.startsWith('/auth/callback')) {
      at = new URL(response.headers.get('location')!, at).href;
      response = await get(at, jar);
    }
    const callback = new URL(response.headers.get('location')!, at);
    expect(callback.pathname).toBe('/auth/callback');

    const answer = await returnTo(callback, jar);
    expect(answer.status).toBe(403);
    expect(await refusedFor(answer)).toBe('reauthentication_required');
    expect(answer.headers.getSetCookie().filter((cookie) => /^brigade_session=[^;]/.test(cookie))).toEqual([]);
    expect(await db.sql('SELECT 1 FROM web_sessions')).toHaveLength(0);
  });
});

describe('the way back from the provider refuses', () => {
  it('a forged state, and spends the attempt so it cannot be tried again', async () => {
    const jar = new CookieJar();
    const callback = await signInUpToCallback(jar, { email: 'coordinator@brigade.local' });
    const forged = new URL(callback);
    forged.searchParams.set('state', 'a-state-of-the-attackers-choosing');
    const attemptCookie = jar.header(callback.href);

    const response = await returnTo(forged, jar);
    expect(response.status).toBe(400);
    expect(await refusedFor(response)).toBe('attempt_mismatch');
    const retried = await fetch(callback, { redirect: 'manual', headers: { cookie: attemptCookie } });
    expect(await refusedFor(retried)).toBe('attempt_unknown');
  });

  it('a replayed callback: the same code and state with the same attempt cookie open no second session', async () => {
    const jar = new CookieJar();
    const callback = await signInUpToCallback(jar, { email: 'coordinator@brigade.local' });
    const attemptCookie = jar.header(callback.href);
    expect((await returnTo(callback, jar)).status).toBe(303);

    const replayed = await fetch(callback, { redirect: 'manual', headers: { cookie: attemptCookie } });
    expect(replayed.status).toBe(400);
    expect(await refusedFor(replayed)).toBe('attempt_unknown');
    expect(replayed.headers.getSetCookie().some((header) => header.startsWith('brigade_session=') && !header.startsWith('brigade_session=;'))).toBe(false);
  });

  it("a callback without the browser's attempt cookie (login CSRF: an attacker's code planted in a victim's browser)", async () => {
    const attacker = new CookieJar();
    const callback = await signInUpToCallback(attacker, { email: 'coordinator@brigade.local' });

    const victim = new CookieJar();
    const response = await returnTo(callback, victim);
    expect(response.status).toBe(400);
    expect(await refusedFor(response)).toBe('attempt_unknown');
    expect(victim.has('brigade_session')).toBe(false);
  });

  it("a code issued for another nonce: the attacker reuses the attempt's state and PKCE challenge but not its nonce", async () => {
    const jar = new CookieJar();
    const toProvider = await get('/auth/login?next=/ui/', jar);
    const authorization = new URL(toProvider.headers.get('location')!);
    // Everything as Brigade asked, except the nonce, so that only the nonce check can tell.
    authorization.searchParams.set('nonce', 'the-attackers-nonce');
    const { url: callback } = await signInOverHttp(authorization.href, new CookieJar(), {
      email: 'coordinator@brigade.local', stopAt: (candidate) => candidate.pathname === '/auth/callback',
    });

    const response = await returnTo(callback, jar);
    expect(response.status).toBe(400);
    expect(await refusedFor(response)).toBe('exchange_failed');
    expect(jar.has('brigade_session')).toBe(false);
  });

  it('the same authorization with the nonce left as Brigade asked signs in, so the refusal above is down to the nonce', async () => {
    const jar = new CookieJar();
    const toProvider = await get('/auth/login?next=/ui/', jar);
    const { url: callback } = await signInOverHttp(toProvider.headers.get('location')!, new CookieJar(), {
      email: 'coordinator@brigade.local', stopAt: (candidate) => candidate.pathname === '/auth/callback',
    });
    expect((await returnTo(callback, jar)).status).toBe(303);
  });

  it('a code used twice: a spent code brought back with a fresh attempt of its own', async () => {
    const first = new CookieJar();
    const spent = await signInUpToCallback(first, { email: 'coordinator@brigade.local' });
    expect((await returnTo(spent, first)).status).toBe(303);

    const second = new CookieJar();
    const toProvider = await get('/auth/login?next=/ui/', second);
    const state = new URL(toProvider.headers.get('location')!).searchParams.get('state')!;
    const reused = new URL(spent);
    reused.searchParams.set('state', state);
    const response = await returnTo(reused, second);
    expect(response.status).toBe(400);
    expect(await refusedFor(response)).toBe('exchange_failed');
  });

  it("the provider's own refusal, shown in the person's language", async () => {
    const jar = new CookieJar();
    const toProvider = await get('/auth/login?next=/ui/', jar);
    const state = new URL(toProvider.headers.get('location')!).searchParams.get('state')!;
    const response = await get(`/auth/callback?error=access_denied&state=${state}`, jar, { 'Accept-Language': 'en' });
    expect(response.status).toBe(403);
    const page = await response.text();
    expect(page).toContain('lang="en"');
    expect(page).toContain('data-reason="provider_error"');
  });
});

describe('a signed-in session', () => {
  async function signedIn(email = 'coordinator@brigade.local'): Promise<{ jar: CookieJar; csrfToken: string }> {
    const jar = new CookieJar();
    await returnTo(await signInUpToCallback(jar, { email }), jar);
    return { jar, csrfToken: (await sessionOf(jar)).body.csrfToken as string };
  }

  const post = (url: string, jar: CookieJar, headers: Record<string, string> = {}, body: unknown = {}) => fetch(new URL(url, publicUrl), {
    method: 'POST', redirect: 'manual', body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', cookie: jar.header(new URL(url, publicUrl).href), ...headers },
  });

  it('refuses a change without its CSRF token, and records nothing', async () => {
    const { jar } = await signedIn();
    const email = `csrf-${randomUUID()}@brigade.test`;
    const body = { name: 'Ilse Kok', email, categories: ['INCIDENT'], homeMunicipalityCode: 'GM0363', safetyRegion: 'amsterdam-amstelland', capacity: 2 };

    const refused = await post('/experts', jar, {}, body);
    expect(refused.status).toBe(403);
    expect((await refused.json() as { reason: { code: string } }).reason.code).toBe('csrf_token_missing');
    expect(await db.sql('SELECT 1 FROM experts WHERE email = $1', [email])).toHaveLength(0);
  });

  it('takes the change with the CSRF token, and records the coordinator by the provider', async () => {
    const { jar, csrfToken } = await signedIn();
    const email = `csrf-${randomUUID()}@brigade.test`;
    const body = { name: 'Ilse Kok', email, categories: ['INCIDENT'], homeMunicipalityCode: 'GM0363', safetyRegion: 'amsterdam-amstelland', capacity: 2 };
    expect((await post('/experts', jar, { 'X-CSRF-Token': csrfToken }, body)).status).toBe(201);
  });

  it("signs out here and at the provider: the answer is the provider's end-session URL, and the cookie opens nothing after", async () => {
    const { jar, csrfToken } = await signedIn();
    const response = await post('/auth/logout', jar, { 'X-CSRF-Token': csrfToken });
    expect(response.status).toBe(201);
    const { redirectTo } = await response.json() as { redirectTo: string };
    const endSession = new URL(redirectTo);
    expect(`${endSession.origin}${endSession.pathname}`).toBe(`${publicUrl}/oidc/session/end`);
    expect(endSession.searchParams.get('id_token_hint')).toMatch(/^eyJ/);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${publicUrl}/ui/?signedOut=1`);
    expect((await sessionOf(jar)).status).toBe(401);
  });

  it('is not kept by any cache, since its answer holds the CSRF token', async () => {
    const { jar } = await signedIn();
    expect((await get('/auth/session', jar)).headers.get('cache-control')).toBe('no-store');
  });

  it('ends when its row says it started in the future, or names an idle end beyond its last request and the idle timeout', async () => {
    const future = await signedIn();
    await db.sql("UPDATE web_sessions SET created_at = now() + interval '5 days', absolute_expires_at = now() + interval '6 days'");
    expect((await sessionOf(future.jar)).status).toBe(401);

    const idle = await signedIn();
    await db.sql("UPDATE web_sessions SET last_seen_at = now() - interval '2 hours', idle_expires_at = now() + interval '300 days'");
    expect((await sessionOf(idle.jar)).body).toMatchObject({ reason: { code: 'session_idle' } });
  });

  it('ends at the configured maximum age even when its row names a later end', async () => {
    const { jar } = await signedIn();
    await db.sql("UPDATE web_sessions SET created_at = now() - interval '11 hours', absolute_expires_at = now() + interval '1 day'");
    const { status, body } = await sessionOf(jar);
    expect(status).toBe(401);
    expect(body).toMatchObject({ reason: { code: 'session_max_age' } });
  });

  it('is refused once it has been idle too long, saying so', async () => {
    const { jar } = await signedIn();
    await db.sql("UPDATE web_sessions SET idle_expires_at = now() - interval '1 second'");
    const { status, body } = await sessionOf(jar);
    expect(status).toBe(401);
    expect(body).toMatchObject({ code: 'session_expired', reason: { code: 'session_idle' } });
  });

  it('ends at once for an expert who is deactivated', async () => {
    const leaving = { expertId: randomUUID(), name: 'Joost Visser' };
    await registerPoolExperts(db, leaving);
    const { jar } = await signedIn(poolEmail(leaving.expertId));
    expect((await sessionOf(jar)).status).toBe(200);
    await db.sql('UPDATE experts SET active = false WHERE expert_id = $1', [leaving.expertId]);
    expect((await sessionOf(jar)).status).toBe(401);
  });
});

describe('bearer tokens for scripts', () => {
  /** Tokens from the local provider, as a script would get them through the code flow with Brigade's client. */
  async function providerTokens(email = 'coordinator@brigade.local'): Promise<{ accessToken: string; idToken: string }> {
    const secret = localClientSecret(loadBrigadeConfig({ BRIGADE_PUBLIC_URL: publicUrl, BRIGADE_DATA_DIR: dataDir }));
    const issuer = await oidc.discovery(new URL(`${publicUrl}/oidc`), 'brigade-screens', secret, oidc.ClientSecretBasic(secret), { execute: [oidc.allowInsecureRequests] });
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const authorization = oidc.buildAuthorizationUrl(issuer, {
      redirect_uri: `${publicUrl}/auth/callback`, scope: 'openid', code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256', state: 'script',
    });
    const { url } = await signInOverHttp(authorization.href, new CookieJar(), {
      email, stopAt: (candidate) => candidate.pathname === '/auth/callback',
    });
    const tokens = await oidc.authorizationCodeGrant(issuer, url, { pkceCodeVerifier: codeVerifier, expectedState: 'script' });
    return { accessToken: tokens.access_token, idToken: tokens.id_token! };
  }

  it("takes the provider's access token, checked against its keys, issuer and audience", async () => {
    const { accessToken } = await providerTokens();
    const response = await fetch(`${publicUrl}/me`, { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ role: 'coordinator', subject: 'demo-coordinator' });
  });

  it("takes an expert's access token from the provider as that expert of the pool", async () => {
    const { accessToken } = await providerTokens(poolEmail(EXPERT.expertId));
    const response = await fetch(`${publicUrl}/me`, { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ role: 'expert', subject: EXPERT.expertId, displayName: EXPERT.name });
  });

  it("refuses the provider's ID token, which is meant for the screens' client, not for the API", async () => {
    const { idToken } = await providerTokens();
    const response = await fetch(`${publicUrl}/me`, { headers: { Authorization: `Bearer ${idToken}` } });
    expect(response.status).toBe(401);
    expect((await response.json() as { reason: { params: { detail: string } } }).reason.params.detail).toMatch(/aud/);
  });

  it("refuses a token from another issuer, though it names Brigade's audience and a valid role", async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = await importPKCS8(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'RS256');
    const token = await new SignJWT({ role: 'coordinator', brigade_role: 'coordinator' })
      .setProtectedHeader({ alg: 'RS256' }).setIssuer('https://login.elsewhere.example').setAudience('brigade-api')
      .setSubject('intruder').setIssuedAt().setExpirationTime('5m').sign(key);
    const response = await fetch(`${publicUrl}/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
    expect((await response.json() as { reason: { code: string } }).reason.code).toBe('token_invalid');
  });

  it('takes the scheme in any letter case, as HTTP defines it', async () => {
    const { accessToken } = await providerTokens();
    expect((await fetch(`${publicUrl}/me`, { headers: { Authorization: `bearer ${accessToken}` } })).status).toBe(200);
  });

  it('logs and counts every refused bearer token as an access event', async () => {
    const record = jest.spyOn(app.app.get(AccessLog), 'record');
    const response = await fetch(`${publicUrl}/me`, { headers: { Authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' } });
    expect(response.status).toBe(401);
    expect(record).toHaveBeenCalledWith(expect.objectContaining({ event: 'request_refused', via: 'bearer', detail: 'GET /me' }));
    record.mockRestore();
  });

  it("refuses a token that names the provider as issuer but is signed with another key", async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = await importPKCS8(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'RS256');
    const token = await new SignJWT({ brigade_role: 'coordinator' })
      .setProtectedHeader({ alg: 'RS256', kid: 'not-the-providers' }).setIssuer(`${publicUrl}/oidc`).setAudience('brigade-api')
      .setSubject('intruder').setIssuedAt().setExpirationTime('5m').sign(key);
    const response = await fetch(`${publicUrl}/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
    expect((await response.json() as { reason: { code: string } }).reason.code).toBe('token_invalid');
  });
});

describe('with the provider\'s own session trusted for eight hours (BRIGADE_OIDC_MAX_AUTH_AGE)', () => {
  let sso: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    sso = await startApp(db, { BRIGADE_OIDC_MAX_AUTH_AGE: '8h' });
  });
  afterAll(() => sso?.close());

  const signInTo = async (jar: CookieJar, email: string) => {
    const { url } = await signInOverHttp(`${sso.publicUrl}/auth/login`, jar, { email, stopAt: (candidate) => candidate.pathname === '/auth/callback' });
    return fetch(url, { redirect: 'manual', headers: { cookie: jar.header(url.href) } });
  };

  it('signs in again without the password while the provider session lasts', async () => {
    const jar = new CookieJar();
    expect((await signInTo(jar, 'auditor@brigade.local')).status).toBe(303);
    const again = await fetch(`${sso.publicUrl}/auth/login`, { redirect: 'manual' });
    const { response } = await (async () => {
      let at = again.headers.get('location')!;
      for (;;) {
        const answer = await fetch(at, { redirect: 'manual', headers: { cookie: jar.header(at) } });
        jar.store(answer);
        const location = answer.headers.get('location');
        if (!location || new URL(location, at).pathname === '/auth/callback') return { response: answer };
        at = new URL(location, at).href;
      }
    })();
    expect(response.status).toBe(303);
  });

  it('shows the sign-in page, not a server error, to an expert deactivated since their last sign-in', async () => {
    const leaving = { expertId: randomUUID(), name: 'Nina Vos' };
    await registerPoolExperts(db, leaving);
    const jar = new CookieJar();
    expect((await signInTo(jar, poolEmail(leaving.expertId))).status).toBe(303);
    await db.sql('UPDATE experts SET active = false WHERE expert_id = $1', [leaving.expertId]);

    const { response } = await followWithoutSigningIn(`${sso.publicUrl}/auth/login`, jar);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('name="password"');
  });
});

describe('with a second factor required', () => {
  let strict: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    strict = await startApp(db, { BRIGADE_OIDC_REQUIRE_AMR: 'mfa' });
  });
  afterAll(() => strict?.close());

  const through = async (options: Omit<HttpSignInOptions, 'stopAt'>) => {
    const jar = new CookieJar();
    const { url } = await signInOverHttp(`${strict.publicUrl}/auth/login`, jar, { ...options, stopAt: (candidate) => candidate.pathname === '/auth/callback' });
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header(url.href) } });
    return response;
  };

  it('refuses a sign-in with a password alone, with a page that asks for the second factor', async () => {
    const response = await through({ email: 'coordinator@brigade.local' });
    expect(response.status).toBe(403);
    expect(await refusedFor(response)).toBe('stronger_sign_in_required');
  });

  let stepAtFirstSignIn = 0;
  it('signs in the account that passed the TOTP step, and takes its code only once', async () => {
    stepAtFirstSignIn = Math.floor(Date.now() / 30_000);
    const response = await through({ email: 'coordinator-mfa@brigade.local', totpSecret: DEMO_TOTP_SECRET });
    expect(response.status).toBe(303);

    const again = await through({ email: 'coordinator-mfa@brigade.local', totpSecret: DEMO_TOTP_SECRET }).then(() => undefined, (error: unknown) => error);
    // The same code, within its 30 seconds (or the next one, should the step have turned): each step opens one sign-in.
    if (again === undefined) expect(Math.floor(Date.now() / 30_000)).not.toBe(stepAtFirstSignIn);
    else expect(again).toBeInstanceOf(SignInRefused);
  });
});
