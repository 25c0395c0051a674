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
import { problemText, refusalText } from '../support/catalogue-texts';

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

describe('local sign-in when it is turned off (configured keys)', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await sessionApp({});
  });
  afterAll(() => app?.close());

  it('says so on GET /auth/local-sign-in', async () => {
    await request(app.getHttpServer()).get('/auth/local-sign-in').expect(200, { enabled: false });
  });

  it('refuses to issue a token with 403 that names the setting', async () => {
    const response = await request(app.getHttpServer()).post('/auth/local-token').send({ role: 'coordinator', subject: 'c.jansen' }).expect(403);
    expect(response.body).toMatchObject({ statusCode: 403, code: 'forbidden', message: refusalText('local_sign_in_off'), reason: { code: 'local_sign_in_off' } });
    expect(response.body.token).toBeUndefined();
  });
});

describe('local sign-in when it is turned on', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await sessionApp({ BRIGADE_LOCAL_SIGN_IN: 'true' });
  });
  afterAll(() => app?.close());

  const issue = (body: unknown) => request(app.getHttpServer()).post('/auth/local-token').send(body as object);

  it('says so on GET /auth/local-sign-in', async () => {
    await request(app.getHttpServer()).get('/auth/local-sign-in').expect(200, { enabled: true });
  });

  it.each([
    ['coordinator', 'c.jansen'],
    ['auditor', 'a.visser@bzk.nl'],
    ['expert', EXPERT.expertId],
  ] as const)('issues a %s a token that the API then accepts as theirs', async (role, subject) => {
    const issued = await issue({ role, subject }).expect(200);
    expect(issued.body).toEqual({ token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/), expiresAt: expect.any(String) });
    const me = await request(app.getHttpServer()).get('/me').set('Authorization', `Bearer ${issued.body.token}`).expect(200);
    expect(me.body).toEqual({ subject, role, expiresAt: issued.body.expiresAt, displayName: displayNameOf(role) });
  });

  it.each([
    ['an unknown role', { role: 'admin', subject: 'c.jansen' }, 'role', { code: 'not_a_choice', params: {} }],
    ['an expert whose subject is not an expert id', { role: 'expert', subject: 'c.jansen' }, 'subject', { code: 'not_a_subject', params: { role: 'expert' } }],
    ['a coordinator whose subject is free text', { role: 'coordinator', subject: 'Jan Jansen' }, 'subject', { code: 'not_a_subject', params: { role: 'coordinator' } }],
    ['no subject', { role: 'auditor' }, 'subject', { code: 'required', params: {} }],
    ['an empty subject', { role: 'auditor', subject: '' }, 'subject', { code: 'required', params: {} }],
    ['a field it does not know', { role: 'auditor', subject: 'a.visser', admin: true }, 'admin', { code: 'unknown_field', params: {} }],
  ])('refuses %s with 400 naming the field', async (_case, body, field, problem) => {
    const response = await issue(body).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'invalid_input' });
    expect(response.body.fields).toEqual(expect.arrayContaining([
      { field, problems: [problemText(field, problem)], issues: [{ ...problem, message: problemText(field, problem) }] },
    ]));
    expect(response.body.token).toBeUndefined();
  });

  it('blames only the role when the role is unknown, since what a subject must look like depends on it', async () => {
    const response = await issue({ role: 'admin', subject: 'Jan Jansen' }).expect(400);
    expect(response.body.fields.map((problem: { field: string }) => problem.field)).toEqual(['role']);
  });
});

describe('local sign-in for an expert the pool does not let act', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await sessionApp({ BRIGADE_LOCAL_SIGN_IN: 'true' });
  });
  afterAll(() => app?.close());

  const issue = (body: object) => request(app.getHttpServer()).post('/auth/local-token').send(body);

  it('refuses with 403 unknown_expert to mint a token for an expert id the pool does not know', async () => {
    const stranger = randomUUID();

    const response = await issue({ role: 'expert', subject: stranger }).expect(403);

    expect(response.body).toEqual({
      statusCode: 403, code: 'unknown_expert', fields: [],
      message: refusalText('unknown_expert', { expertId: stranger }), reason: { code: 'unknown_expert', params: { expertId: stranger } },
    });
  });

  it('refuses with 403 expert_deactivated to mint a token for an expert who has been deactivated', async () => {
    const deactivated = { expertId: randomUUID(), name: 'Bram Visser' };
    await registerPoolExperts(db, deactivated);
    await issue({ role: 'expert', subject: deactivated.expertId }).expect(200);
    await db.sql('UPDATE experts SET active = false WHERE expert_id = $1', [deactivated.expertId]);

    const response = await issue({ role: 'expert', subject: deactivated.expertId }).expect(403);

    expect(response.body).toEqual({
      statusCode: 403, code: 'expert_deactivated', fields: [],
      message: refusalText('expert_deactivated', { expertId: deactivated.expertId }), reason: { code: 'expert_deactivated', params: { expertId: deactivated.expertId } },
    });
  });

  it('still mints tokens for coordinators and auditors, whom the pool does not list', async () => {
    await issue({ role: 'coordinator', subject: 'c.jansen' }).expect(200);
    await issue({ role: 'auditor', subject: 'a.visser' }).expect(200);
  });
});
