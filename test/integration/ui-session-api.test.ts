import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { SessionModule } from '../../src/auth/session.module';
import { ExpertsModule } from '../../src/experts/experts.module';
import { createApiApp } from '../support/api-app';
import { anExpertBody } from '../support/expert-fixtures';
import { registerPoolExperts } from '../support/pool-experts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { bearer, expiredBearer } from '../support/tokens';

// The guard lets an expert in only when the pool knows them, so the expert who signs in below is registered first.
const EXPERT = { expertId: randomUUID(), name: 'Sanne Bakker' };
const displayNameOf = (role: string) => (role === 'expert' ? EXPERT.name : null);

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await registerPoolExperts(db, EXPERT);
});
afterAll(() => db?.drop());

/** The sign-in endpoints (and the expert pool, to name experts) with the real guard, pipes and filter, under the given environment. */
async function sessionApp(env: Record<string, string>): Promise<INestApplication> {
  return (await createApiApp(db, { imports: [SessionModule, ExpertsModule], env })).app;
}

describe('GET /me', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await sessionApp({});
  });
  afterAll(() => app?.close());

  it.each([
    ['coordinator', 'c.jansen'],
    ['auditor', 'a.visser'],
    ['expert', EXPERT.expertId],
  ] as const)('tells a %s who the token says they are, and until when', async (role, subject) => {
    const before = Date.now();
    const response = await request(app.getHttpServer()).get('/me').set('Authorization', bearer(role, subject)).expect(200);
    expect(response.body).toEqual({ subject, role, expiresAt: expect.any(String), displayName: displayNameOf(role) });
    // The test tokens live for the default 8 hours.
    const lifetime = Date.parse(response.body.expiresAt) - before;
    expect(lifetime).toBeGreaterThan(7.9 * 3_600_000);
    expect(lifetime).toBeLessThanOrEqual(8 * 3_600_000 + 1000);
  });

  it('names an expert of the pool by their name, so the page need not show their id', async () => {
    const body = anExpertBody();
    const registered = await request(app.getHttpServer()).post('/experts').set('Authorization', bearer('coordinator', 'c.jansen')).send(body).expect(201);

    const response = await request(app.getHttpServer()).get('/me').set('Authorization', bearer('expert', registered.body.expertId)).expect(200);

    expect(response.body).toMatchObject({ subject: registered.body.expertId, role: 'expert', displayName: body.name });
  });

  it('refuses with 401 unknown_expert an expert token whose subject is not in the pool, though its signature is valid', async () => {
    const stranger = randomUUID();

    const response = await request(app.getHttpServer()).get('/me').set('Authorization', bearer('expert', stranger)).expect(401);

    expect(response.body).toMatchObject({ statusCode: 401, code: 'unknown_expert', message: expect.stringContaining(stranger), reason: { code: 'unknown_expert', params: { expertId: stranger } } });
  });

  it('refuses with 401 expert_deactivated the still valid token of an expert who has been deactivated', async () => {
    const deactivated = { expertId: randomUUID(), name: 'Daan Smit' };
    await registerPoolExperts(db, deactivated);
    const token = bearer('expert', deactivated.expertId);
    await request(app.getHttpServer()).get('/me').set('Authorization', token).expect(200);
    await db.sql('UPDATE experts SET active = false WHERE expert_id = $1', [deactivated.expertId]);

    const response = await request(app.getHttpServer()).get('/me').set('Authorization', token).expect(401);

    expect(response.body).toMatchObject({ statusCode: 401, code: 'expert_deactivated', message: expect.stringContaining(deactivated.expertId) });
    expect(response.body.reason).toEqual({ code: 'expert_deactivated', params: { expertId: deactivated.expertId } });
  });

  it('refuses an expired token with 401, so the page sends the user back to sign in', async () => {
    const response = await request(app.getHttpServer()).get('/me').set('Authorization', expiredBearer('coordinator', 'c.jansen')).expect(401);
    expect(response.body.reason.code).toBe('token_expired');
    expect(response.body.message).toContain('verlopen');
  });
});
