import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import * as client from 'openid-client';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { DEMO_TOTP_SECRET } from '../../src/identity-provider/demo-accounts';
import { IdentityProviderModule } from '../../src/identity-provider/identity-provider.module';
import { mountIdentityProvider } from '../../src/identity-provider/mount-identity-provider';
import { localClientSecret } from '../../src/identity-provider/provider-files';
import { createApiApp, type ApiApp } from '../support/api-app';
import { freePort } from '../support/free-port';
import { registerPoolExperts } from '../support/pool-experts';
import { CookieJar, signInOverHttp, SignInRefused, type HttpSignInOptions } from '../support/provider-sign-in';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const EXPERT = { expertId: randomUUID(), name: 'Fenna de Wit' };
const RETIRED = { expertId: randomUUID(), name: 'Gert Mulder' };
// Its codes differ from the demo secret's (a clash in the accepted window is a one-in-a-few-hundred-thousand chance).
const OTHER_TOTP_SECRET = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
const poolEmail = (expertId: string) => `pool-${expertId}@brigade.test`;

let db: TestDatabase;
let app: ApiApp;
let dataDir: string;
let publicUrl: string;
let issuer: string;
let oidc: client.Configuration;

beforeAll(async () => {
  db = await createTestDatabase();
  await registerPoolExperts(db, EXPERT, RETIRED);
  await db.sql('UPDATE experts SET active = false WHERE expert_id = $1', [RETIRED.expertId]);
  dataDir = mkdtempSync(path.join(tmpdir(), 'brigade-oidc-'));
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  const env = { PORT: String(port), BRIGADE_PUBLIC_URL: publicUrl, BRIGADE_DATA_DIR: dataDir };
  app = await createApiApp(db, { imports: [IdentityProviderModule], env, beforeInit: mountIdentityProvider });
  await app.app.listen(port, '127.0.0.1');
  issuer = `${publicUrl}/oidc`;
  const secret = localClientSecret(loadBrigadeConfig(env));
  oidc = await client.discovery(new URL(issuer), 'brigade-screens', secret, client.ClientSecretBasic(secret), { execute: [client.allowInsecureRequests] });
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** An authorization request as the relying party makes it, with its PKCE verifier, nonce and state. */
function authorizationRequest(extra: Record<string, string> = {}) {
  const codeVerifier = client.randomPKCECodeVerifier();
  const nonce = client.randomNonce();
  const state = client.randomState();
  const codeChallenge = client.calculatePKCECodeChallenge(codeVerifier);
  return {
    codeVerifier, nonce, state,
    url: async () => client.buildAuthorizationUrl(oidc, {
      redirect_uri: `${publicUrl}/auth/callback`, scope: 'openid profile email', code_challenge: await codeChallenge,
      code_challenge_method: 'S256', nonce, state, ...extra,
    }),
  };
}

/** Signs in over HTTP from the authorization URL to the callback, and redeems the code as the relying party does. */
async function signIn(options: Omit<HttpSignInOptions, 'stopAt'>) {
  const request = authorizationRequest();
  const jar = new CookieJar();
  const { url } = await signInOverHttp((await request.url()).href, jar, { ...options, stopAt: (next) => next.pathname === '/auth/callback' });
  const tokens = await client.authorizationCodeGrant(oidc, url, { pkceCodeVerifier: request.codeVerifier, expectedNonce: request.nonce, expectedState: request.state });
  return { tokens, claims: tokens.claims(), jar };
}

/** The text of the login page's error after a refused sign-in. */
async function refusal(options: Omit<HttpSignInOptions, 'stopAt'>): Promise<SignInRefused> {
  const error = await signIn(options).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(SignInRefused);
  return error as SignInRefused;
}

describe('the embedded local OpenID Connect provider', () => {
  it('publishes its discovery document under the public origin, with the code flow and S256 only', async () => {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const metadata = await response.json() as Record<string, unknown>;

    expect(metadata).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      end_session_endpoint: `${issuer}/session/end`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
    });
    expect(metadata.acr_values_supported).toEqual(['urn:brigade:loa:pwd', 'urn:brigade:loa:mfa']);
  });

  it('keeps its keys and the client secret in the data folder, readable by the owner alone', () => {
    for (const file of ['jwks.json', 'cookie-keys.json', 'client-secret']) {
      expect(statSync(path.join(dataDir, 'oidc', file)).mode & 0o777).toBe(0o600);
    }
  });

  it('refuses an authorization request without PKCE', async () => {
    const url = new URL(`${issuer}/auth`);
    url.search = new URLSearchParams({ client_id: 'brigade-screens', response_type: 'code', scope: 'openid', redirect_uri: `${publicUrl}/auth/callback`, state: 's' }).toString();

    const response = await fetch(url, { redirect: 'manual' });

    expect(new URL(response.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
  });

  describe('when a demo coordinator signs in with the demo password', () => {
    it('gives an ID token that names them, their role, and a password sign-in', async () => {
      const { claims } = await signIn({ email: 'coordinator@brigade.local' });

      expect(claims).toMatchObject({
        iss: issuer, aud: 'brigade-screens', sub: 'demo-coordinator', name: 'Demo Coördinator',
        email: 'coordinator@brigade.local', email_verified: true, brigade_role: 'coordinator',
        amr: ['pwd'], acr: 'urn:brigade:loa:pwd', auth_time: expect.any(Number), nonce: expect.any(String),
      });
    });

    it('gives a JWT access token for brigade-api with the role, which the provider JWKS verifies', async () => {
      const { tokens } = await signIn({ email: 'Coordinator@Brigade.local' });
      const jwks = createRemoteJWKSet(new URL(`${issuer}/jwks`));

      const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, { issuer, audience: 'brigade-api' });

      expect(protectedHeader.alg).toBe('RS256');
      expect(payload).toMatchObject({ sub: 'demo-coordinator', brigade_role: 'coordinator', client_id: 'brigade-screens' });
      expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBeLessThanOrEqual(3600);
    });
  });

  it('signs in the demo auditor as an auditor', async () => {
    const { claims } = await signIn({ email: 'auditor@brigade.local' });

    expect(claims).toMatchObject({ sub: 'demo-auditor', name: 'Demo Auditor', brigade_role: 'auditor', amr: ['pwd'] });
  });

  it('signs in an active expert of the pool by their pool e-mail address, in any letter case', async () => {
    const { claims, tokens } = await signIn({ email: poolEmail(EXPERT.expertId).toUpperCase() });

    expect(claims).toMatchObject({
      sub: `pool-${EXPERT.expertId}`, name: EXPERT.name, email: poolEmail(EXPERT.expertId), email_verified: true, brigade_role: 'expert',
    });
    // The e-mail address rides along, verified, so that Brigade can link a script's token to the pool as it does a sign-in.
    expect(decodeJwt(tokens.access_token)).toMatchObject({ sub: `pool-${EXPERT.expertId}`, brigade_role: 'expert', email: poolEmail(EXPERT.expertId), email_verified: true });
  });

  describe('when the password is wrong, or the address is no active account', () => {
    it('refuses a wrong password with the Dutch message, and in English when the browser prefers it', async () => {
      const dutch = await refusal({ email: 'auditor@brigade.local', password: 'brigade-dem0' });
      const english = await refusal({ email: 'auditor@brigade.local', password: 'guess', headers: { 'Accept-Language': 'en-GB,en;q=0.9' } });

      expect(dutch.status).toBe(401);
      expect(dutch.errorText).toBe('E-mailadres of wachtwoord klopt niet.');
      expect(english.errorText).toBe('E-mail address or password is incorrect.');
      expect(english.page).toContain('<html lang="en">');
    });

    it('refuses a deactivated expert and an address the pool does not know, with the demo password, alike', async () => {
      const retired = await refusal({ email: poolEmail(RETIRED.expertId) });
      const stranger = await refusal({ email: `${randomUUID()}@brigade.test` });

      expect(retired.errorText).toBe('E-mailadres of wachtwoord klopt niet.');
      expect(stranger.errorText).toBe('E-mailadres of wachtwoord klopt niet.');
    });

    it('refuses an address with a NUL or another control character as a wrong one, not with a server error', async () => {
      for (const email of ['auditor@brigade.local\u0000', 'auditor@brigade.local\u001b', `pool-${EXPERT.expertId}@brigade.test\u0000`]) {
        const refused = await refusal({ email });
        expect({ email, status: refused.status, error: refused.errorText }).toEqual({ email, status: 401, error: 'E-mailadres of wachtwoord klopt niet.' });
      }
    });

    it('locks an address for a while after five wrong passwords, even for the right one', async () => {
      const email = `${randomUUID()}@brigade.test`;
      for (let attempt = 0; attempt < 5; attempt += 1) await refusal({ email, password: `wrong-${attempt}` });

      const locked = await refusal({ email });

      expect(locked.status).toBe(429);
      expect(locked.errorText).toContain('Te veel mislukte pogingen');
    });
  });

  describe('when the MFA demo coordinator signs in', () => {
    it('asks for the authenticator code after the password, and names the stronger sign-in in the ID token', async () => {
      const { claims } = await signIn({ email: 'coordinator-mfa@brigade.local', totpSecret: DEMO_TOTP_SECRET });

      expect(claims).toMatchObject({
        sub: 'demo-coordinator-mfa', name: 'Demo Coördinator (MFA)', brigade_role: 'coordinator',
        amr: ['pwd', 'otp', 'mfa'], acr: 'urn:brigade:loa:mfa',
      });
    });

    it('refuses the code of another authenticator secret', async () => {
      const refused = await refusal({ email: 'coordinator-mfa@brigade.local', totpSecret: OTHER_TOTP_SECRET });

      expect(refused.status).toBe(401);
      expect(refused.errorText).toBe('De code klopt niet. Vul de code in die uw app nu toont.');
    });
  });

  describe('the login page', () => {
    it('is Dutch by default with the fixed labels, the banner and a link to English, under a strict CSP', async () => {
      const request = authorizationRequest();
      const jar = new CookieJar();
      const { url, response } = await signInOverHttp((await request.url()).href, jar, { email: '', stopAt: (next) => next.pathname.startsWith('/oidc/interaction/') });
      expect(response).toBeUndefined();

      const page = await fetch(url, { headers: { cookie: jar.header(url.href) } });
      const html = await page.text();

      expect(page.status).toBe(200);
      expect(html).toContain('<html lang="nl">');
      expect(html).toContain('<h1>Aanmelden bij Brigade</h1>');
      expect(html).toContain('<label for="email">E-mailadres</label>');
      expect(html).toContain('<label for="password">Wachtwoord</label>');
      expect(html).toContain('autocomplete="current-password"');
      expect(html).toContain('Lokale aanmeldvoorziening — niet voor productie');
      expect(html).toMatch(/<a [^>]*href="[^"]*lang=en"[^>]*>English<\/a>/);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(html).not.toMatch(/<script>|<style|style="/);

      const english = await (await fetch(`${url.href}?lang=en`, { headers: { cookie: jar.header(url.href) } })).text();
      expect(english).toContain('<html lang="en">');
      expect(english).toContain('<h1>Sign in to Brigade</h1>');
      expect(english).toContain('Local sign-in provider — not for production');
    });

    it('serves its stylesheet', async () => {
      const response = await fetch(`${issuer}/assets/sign-in.css`);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/css');
    });
  });

  describe('when Brigade signs the person out (RP-initiated logout)', () => {
    it('ends the provider session without asking again and returns to the post-logout page', async () => {
      const { tokens, jar } = await signIn({ email: 'coordinator@brigade.local' });
      const logout = client.buildEndSessionUrl(oidc, { id_token_hint: tokens.id_token as string, post_logout_redirect_uri: `${publicUrl}/ui/?signedOut=1`, state: 'bye' });

      const page = await fetch(logout, { headers: { cookie: jar.header(logout.href) } });
      jar.store(page);
      const html = await page.text();
      expect(html).toContain('<html lang="nl">');
      expect(html).toContain('data-sign-out-now');
      const action = /<form id="op.logoutForm" method="post" action="([^"]+)"><input type="hidden" name="xsrf" value="([^"]+)"/.exec(html);
      expect(action).not.toBeNull();
      const confirmed = await fetch(action![1], {
        method: 'POST', redirect: 'manual', headers: { cookie: jar.header(action![1]), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ xsrf: action![2], logout: 'yes' }).toString(),
      });
      jar.store(confirmed);

      expect(confirmed.status).toBe(303);
      expect(confirmed.headers.get('location')).toBe(`${publicUrl}/ui/?signedOut=1&state=bye`);
      // The provider no longer knows the person: a new sign-in shows the login page again.
      const again = authorizationRequest();
      const next = await signInOverHttp((await again.url()).href, jar, { email: '', stopAt: (url) => url.pathname.startsWith('/oidc/interaction/') });
      expect(next.url.pathname).toMatch(/^\/oidc\/interaction\//);
    });
  });
});
