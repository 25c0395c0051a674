import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { SessionModule } from '../../src/auth/session.module';
import { jwtOptionsFor, loadTokenKeys } from '../../src/auth/token-keys';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { createApiApp, type ApiApp } from '../support/api-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_TOKEN_ENV } from '../support/tokens';

const HOUR = 3600;

/** Signs claims with the test secret itself, as a holder of the key could, bypassing the issuer's own limits. */
function signedWithTheRightKey(claims: Record<string, unknown>): string {
  const jwt = new JwtService(jwtOptionsFor(loadTokenKeys(loadBrigadeConfig(TEST_TOKEN_ENV))));
  return `Bearer ${jwt.sign({ role: 'coordinator', ...claims }, { subject: 'c.jansen' })}`;
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
      statusCode: 401, code: 'unauthenticated', fields: [], message: 'the token has no expiry (exp); tokens must expire within 12 h',
    });
  });

  it('refuses a token issued to live longer than the maximum of 12 hours', async () => {
    const response = await me(signedWithTheRightKey({ iat: now(), exp: now() + 30 * 24 * HOUR })).expect(401);

    expect(response.body.message).toBe('the token is valid for 720 h, longer than the maximum of 12 h (BRIGADE_TOKEN_MAX_TTL)');
  });

  it('refuses a long-lived token that claims to be issued in the future, measuring its life from now', async () => {
    const response = await me(signedWithTheRightKey({ iat: now() + 365 * 24 * HOUR, exp: now() + 365 * 24 * HOUR + HOUR })).expect(401);

    expect(response.body.message).toMatch(/^the token is valid for 876\d(\.\d)? h, longer than the maximum of 12 h/);
  });

  it('measures a token without an issue time from now', async () => {
    await me(signedWithTheRightKey({ exp: now() + 2 * HOUR })).expect(200);
    expect((await me(signedWithTheRightKey({ exp: now() + 13 * HOUR })).expect(401)).body.message).toMatch(/valid for 13 h/);
  });

  it('accepts a token that lives exactly the maximum', async () => {
    await me(signedWithTheRightKey({ iat: now(), exp: now() + 12 * HOUR })).expect(200);
  });
});
