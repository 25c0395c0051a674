import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { SessionModule } from '../../src/auth/session.module';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, jwtOptionsFor, loadTokenKeys } from '../../src/auth/token-keys';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { createApiApp, type ApiApp } from '../support/api-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_TOKEN_ENV } from '../support/tokens';
import { refusalText } from '../support/catalogue-texts';

const HOUR = 3600;

/** Signs claims with the test secret itself, as a holder of the key could, bypassing the issuer's own limits. */
function signedWithTheRightKey(claims: Record<string, unknown>): string {
  const jwt = new JwtService(jwtOptionsFor(loadTokenKeys(loadBrigadeConfig(TEST_TOKEN_ENV))));
  return `Bearer ${jwt.sign({ role: 'coordinator', ...claims }, { subject: 'c.jansen' })}`;
}

/** Signs a header and claims by hand with the test secret, for what the signing library would refuse to write. */
function handSigned(header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = { role: 'coordinator', sub: 'c.jansen', iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, ...claims };
  const signingInput = `${part({ alg: 'HS256', typ: 'JWT', ...header })}.${part(payload)}`;
  return `Bearer ${signingInput}.${createHmac('sha256', TEST_TOKEN_ENV.BRIGADE_JWT_SECRET).update(signingInput).digest('base64url')}`;
}

describe('how long a token may live', () => {
  let db: TestDatabase;
  let app: ApiApp;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApiApp(db, { imports: [SessionModule] });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const me = (authorization: string) => request(app.app.getHttpServer()).get('/me').set('Authorization', authorization);

  it('refuses a token without an expiry with 401 that says so, even when its signature is right', async () => {
    const response = await me(signedWithTheRightKey({})).expect(401);

    expect(response.body).toEqual({
      statusCode: 401, code: 'unauthenticated', fields: [], message: refusalText('token_lifetime'),
      reason: { code: 'token_lifetime', params: { detail: 'the token has no expiry (exp); tokens must expire within 12 h' } },
    });
  });

  it('refuses a token issued to live longer than the maximum of 12 hours', async () => {
    const response = await me(signedWithTheRightKey({ iat: now(), exp: now() + 30 * 24 * HOUR })).expect(401);

    expect(response.body.reason.params.detail).toBe('the token is valid for 720 h, longer than the maximum of 12 h (BRIGADE_TOKEN_MAX_TTL)');
  });

  it('refuses a long-lived token that claims to be issued in the future, measuring its life from now', async () => {
    const response = await me(signedWithTheRightKey({ iat: now() + 365 * 24 * HOUR, exp: now() + 365 * 24 * HOUR + HOUR })).expect(401);

    // Measured from the guard's own now, which may be a second later than the test's.
    expect(response.body.reason.params.detail).toMatch(/^the token is valid for (8761 h|8760 h 59 m 59 s), longer than the maximum of 12 h/);
  });

  it('measures a token without an issue time from now', async () => {
    await me(signedWithTheRightKey({ exp: now() + 2 * HOUR })).expect(200);
    expect((await me(signedWithTheRightKey({ exp: now() + 13 * HOUR })).expect(401)).body.reason.params.detail).toMatch(/valid for (13 h|12 h 59 m 59 s),/);
  });

  it('accepts a token that lives exactly the maximum', async () => {
    await me(signedWithTheRightKey({ iat: now(), exp: now() + 12 * HOUR })).expect(200);
  });

  it('refuses a token one second past the maximum with a message that says exactly how long it lives', async () => {
    const issuedAt = now();

    const response = await me(signedWithTheRightKey({ iat: issuedAt, exp: issuedAt + 12 * HOUR + 1 })).expect(401);

    expect(response.body.reason.params.detail).toBe('the token is valid for 12 h 1 s, longer than the maximum of 12 h (BRIGADE_TOKEN_MAX_TTL)');
  });

  it.each([
    ['an issue time written as a string', { iat: String(now()), exp: now() + HOUR }, 'the token\'s issue time (iat) must be a whole number of seconds (NumericDate)'],
    ['an issue time with a fraction', { iat: now() + 0.5, exp: now() + HOUR }, 'the token\'s issue time (iat) must be a whole number of seconds (NumericDate)'],
    ['an expiry with a fraction', { iat: now(), exp: now() + HOUR + 0.5 }, 'the token\'s expiry (exp) must be a whole number of seconds (NumericDate)'],
    ['an issue time of null', { iat: null, exp: now() + HOUR }, 'the token\'s issue time (iat) must be a whole number of seconds (NumericDate)'],
  ])('refuses a token with %s with 401, though its signature is right', async (_what, claims, message) => {
    const response = await me(handSigned({}, claims)).expect(401);

    expect(response.body).toEqual({
      statusCode: 401, code: 'unauthenticated', fields: [], message: refusalText('token_lifetime'), reason: { code: 'token_lifetime', params: { detail: message } },
    });
  });

  it('accepts a hand-signed token with whole-number times, so the refusals above are about the times alone', async () => {
    await me(handSigned({}, { iat: now(), exp: now() + HOUR })).expect(200);
  });

  it.each([
    ['an extension it names', { crit: ['exp'] }],
    ['an extension it defines', { crit: ['https://attacker.example/trust-me'], 'https://attacker.example/trust-me': true }],
    ['an empty list', { crit: [] }],
  ])('refuses a token whose header lists critical extensions (crit), here %s, with 401', async (_what, header) => {
    const response = await me(handSigned(header, { iat: now(), exp: now() + HOUR })).expect(401);

    expect(response.body).toEqual({
      statusCode: 401, code: 'unauthenticated', fields: [],
      message: refusalText('token_critical_extensions'), reason: { code: 'token_critical_extensions', params: {} },
    });
  });
});
