import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { caseEvent, type NewCaseEvent, type TeamMember } from '../../src/domain/case.events';
import { SYSTEM_ACTOR, type Actor } from '../../src/domain/case.vocabulary';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { ExpertInboxModule } from '../../src/expert-inbox/expert-inbox.module';
import { PARTICIPATION, participatingCasesQuery } from '../../src/read-model/participation-conditions';
import { createApiApp, type ApiApp } from '../support/api-app';
import { COORDINATOR, aSupportRequest, intakeAssessed, requestReceived } from '../support/case-fixtures';
import { registerPoolExperts } from '../support/pool-experts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { bearer } from '../support/tokens';
import { domainText } from '../../src/domain/domain-text';

const A = { expertId: randomUUID(), name: 'Anouk de Vries' };
const B = { expertId: randomUUID(), name: 'Bram Dekker' };
// In the pool like A and B, but on no case and offered none.
const IDLE = { expertId: randomUUID(), name: 'Carla Jansen' };
const T = Date.parse('2027-03-01T09:00:00.000Z');
const at = (hours: number) => new Date(T + hours * 3_600_000).toISOString();
const asExpert = (expert: { expertId: string }): Actor => ({ role: 'expert', id: expert.expertId });

const accepted = () => caseEvent('RequestAccepted', {}, COORDINATOR, at(0));
const offered = (offerId: string, expert: typeof A, expiresInHours: number) =>
  caseEvent('ExpertOffered', { offerId, expertId: expert.expertId, expertName: expert.name, round: 1, expiresAt: at(expiresInHours) }, SYSTEM_ACTOR, at(0));
const offerAccepted = (offerId: string, expert: typeof A) => caseEvent('OfferAccepted', { offerId, expertId: expert.expertId }, asExpert(expert), at(0));
const offerDeclined = (offerId: string, expert: typeof A) =>
  caseEvent('OfferDeclined', { offerId, expertId: expert.expertId, reason: 'on holiday' }, asExpert(expert), at(0));
const offerExpired = (offerId: string, expert: typeof A) => caseEvent('OfferExpired', { offerId, expertId: expert.expertId }, SYSTEM_ACTOR, at(0));
const offerWithdrawn = (offerId: string, expert: typeof A) =>
  caseEvent('OfferWithdrawn', { offerId, expertId: expert.expertId, reason: domainText('reason.team_complete') }, SYSTEM_ACTOR, at(0));
const teamAssembled = (lead: typeof A, ...support: Array<typeof A>) => caseEvent('TeamAssembled', {
  members: [{ ...lead, role: 'lead' }, ...support.map((s): TeamMember => ({ ...s, role: 'support' }))],
}, SYSTEM_ACTOR, at(0));
const taskAssigned = (taskId: string, assignee: typeof A, dueInHours: number) => caseEvent('TaskAssigned', {
  taskId, templateId: 'risk-analysis', title: domainText('task.risk_analysis'), assigneeId: assignee.expertId, dueAt: at(dueInHours),
}, SYSTEM_ACTOR, at(0));
const taskCompleted = (taskId: string, by: typeof A) => caseEvent('TaskCompleted', { taskId, outcome: 'shared' }, asExpert(by), at(0));
const taskWithdrawn = (taskId: string) => caseEvent('TaskWithdrawn', { taskId, reason: domainText('reason.session_held_without_task') }, SYSTEM_ACTOR, at(0));
const sessionHeld = (by: typeof A) => caseEvent('PreparatorySessionHeld', { outcomes: 'plan agreed' }, asExpert(by), at(0));
const cancelled = () => caseEvent('CaseCancelled', { reason: 'the meeting was called off' }, COORDINATOR, at(0));

describe('the expert inbox', () => {
  let db: TestDatabase;
  let sut: ApiApp;
  let eventStore: PostgresEventStore;
  const caseIds: Record<string, string> = {};

  /** Records a case through the real event store, which keeps the `cases` projection the inbox reads. */
  async function recordCase(name: string, eventDate: string, ...events: NewCaseEvent[]): Promise<void> {
    const request = aSupportRequest({ eventDate });
    await eventStore.append({
      caseId: request.caseId,
      expectedVersion: 0,
      idempotencyKey: `expert-inbox-test-${request.caseId}`,
      events: [requestReceived(request), intakeAssessed(), ...events],
    });
    caseIds[name] = request.caseId;
  }

  const get = (path: string, expert: { expertId: string } = A) => sut.api().get(path).set('Authorization', bearer('expert', expert.expertId));

  beforeAll(async () => {
    db = await createTestDatabase();
    // The guard lets an expert in only when the pool knows them.
    await registerPoolExperts(db, A, B, IDLE);
    eventStore = new PostgresEventStore(db.dataSource, db.keyStore);
    sut = await createApiApp(db, { imports: [ExpertInboxModule] });
    await recordCase('matchingLater', '2027-03-20T19:00:00.000Z', accepted(), offered('offer-later-a', A, 5), offered('offer-later-b', B, 1));
    await recordCase('matchingSooner', '2027-03-21T19:00:00.000Z', accepted(), offered('offer-sooner-a', A, 2));
    await recordCase('answered', '2027-03-22T19:00:00.000Z',
      accepted(),
      offered('offer-declined', A, 1), offerDeclined('offer-declined', A),
      offered('offer-expired', A, 1), offerExpired('offer-expired', A),
      offered('offer-withdrawn', A, 1), offerWithdrawn('offer-withdrawn', A));
    await recordCase('preparation', '2027-03-23T19:00:00.000Z',
      accepted(), offered('offer-prep-a', A, 3), offered('offer-prep-b', B, 3), offerAccepted('offer-prep-a', A), offerAccepted('offer-prep-b', B),
      teamAssembled(A, B),
      taskAssigned('task-late', A, 48), taskAssigned('task-soon', A, 24),
      taskAssigned('task-done', A, 10), taskCompleted('task-done', A),
      taskAssigned('task-dropped', A, 11), taskWithdrawn('task-dropped'),
      taskAssigned('task-of-b', B, 30));
    await recordCase('supporting', '2027-03-24T19:00:00.000Z', accepted(), teamAssembled(B, A), taskAssigned('task-urgent', A, 6));
    await recordCase('idle', '2027-04-01T19:00:00.000Z', accepted(), teamAssembled(A), sessionHeld(A));
    await recordCase('onlyB', '2027-03-25T19:00:00.000Z', accepted(), offered('offer-only-b', B, 4), teamAssembled(B), taskAssigned('task-only-b', B, 2));
    // This history left a task and an offer open when the case was cancelled: an ended case still waits for nobody.
    await recordCase('ended', '2027-05-01T19:00:00.000Z',
      accepted(), teamAssembled(A), taskAssigned('task-of-ended', A, 1), offered('offer-of-ended', A, 1), cancelled());
  });
  afterAll(async () => {
    await sut?.close();
    await db?.drop();
  });

  describe('GET /me/offers', () => {
    it("lists exactly the expert's offers still waiting for an answer, soonest expiry first, with their case", async () => {
      const response = await get('/me/offers').expect(200);

      expect(response.body).toStrictEqual([
        {
          offerId: 'offer-sooner-a', caseId: caseIds.matchingSooner, category: 'SHELTER_SUPPORT', municipality: 'Zoetermeer',
          safetyRegion: 'haaglanden', riskLevel: 'MEDIUM', eventDate: '2027-03-21T19:00:00.000Z', round: 1, expiresAt: at(2),
        },
        {
          offerId: 'offer-later-a', caseId: caseIds.matchingLater, category: 'SHELTER_SUPPORT', municipality: 'Zoetermeer',
          safetyRegion: 'haaglanden', riskLevel: 'MEDIUM', eventDate: '2027-03-20T19:00:00.000Z', round: 1, expiresAt: at(5),
        },
      ]);
    });

    it('shows the other expert only their own offers', async () => {
      const response = await get('/me/offers', B).expect(200);

      expect(response.body.map((offer: { offerId: string }) => offer.offerId)).toStrictEqual(['offer-later-b', 'offer-only-b']);
    });
  });

  describe('GET /me/tasks', () => {
    it("lists the expert's open tasks soonest due first, not completed, withdrawn or ended ones, nor another expert's", async () => {
      const response = await get('/me/tasks').expect(200);

      expect(response.body.map((task: { taskId: string }) => task.taskId)).toStrictEqual(['task-urgent', 'task-soon', 'task-late']);
      expect(response.body[0]).toStrictEqual({
        taskId: 'task-urgent', caseId: caseIds.supporting, title: { code: 'task.risk_analysis', text: 'Risicoanalyse' }, templateId: 'risk-analysis', dueAt: at(6),
        stage: 'Preparation', category: 'SHELTER_SUPPORT', municipality: 'Zoetermeer', eventDate: '2027-03-24T19:00:00.000Z',
      });
    });

    it('gives each title in the language the request accepts, with the same code', async () => {
      const english = await get('/me/tasks').set('Accept-Language', 'en-GB,en;q=0.9').expect(200);

      expect(english.body[0].title).toStrictEqual({ code: 'task.risk_analysis', text: 'Risk analysis' });
    });
  });

  describe('GET /me/cases', () => {
    const summary = (body: Array<{ caseId: string; role: string; nextDeadline: { id: string } | null }>) =>
      body.map((c) => [c.caseId, c.role, c.nextDeadline?.id ?? null]);

    it('lists the running cases the expert is on with their role, nearest deadline first and those without one last', async () => {
      const response = await get('/me/cases').expect(200);

      expect(summary(response.body)).toStrictEqual([
        [caseIds.supporting, 'support', 'task-urgent'],
        [caseIds.preparation, 'lead', 'task-soon'],
        [caseIds.idle, 'lead', null],
      ]);
      expect(response.body[0]).toStrictEqual({
        caseId: caseIds.supporting, role: 'support', stage: 'Preparation', category: 'SHELTER_SUPPORT', municipality: 'Zoetermeer',
        safetyRegion: 'haaglanden', riskLevel: 'MEDIUM', eventDate: '2027-03-24T19:00:00.000Z',
        nextDeadline: { at: at(6), kind: 'task', id: 'task-urgent' },
      });
    });

    it('adds the ended cases, which have nothing due, when asked with ?include=ended', async () => {
      const response = await get('/me/cases?include=ended').expect(200);

      expect(summary(response.body)).toStrictEqual([
        [caseIds.supporting, 'support', 'task-urgent'],
        [caseIds.preparation, 'lead', 'task-soon'],
        [caseIds.idle, 'lead', null],
        [caseIds.ended, 'lead', null],
      ]);
      expect(response.body[3].stage).toBe('Cancelled');
    });

    it.each([
      ['an unknown inclusion', '?include=everything', 'include'],
      ['an unknown parameter', '?stage=Closed', 'stage'],
    ])('refuses %s with 400 naming it', async (_what, query, field) => {
      const response = await get(`/me/cases${query}`).expect(400);

      expect(response.body).toMatchObject({ code: 'invalid_input', fields: [expect.objectContaining({ field })] });
    });
  });

  describe('an expert with nothing waiting', () => {
    it.each(['/me/offers', '/me/tasks', '/me/cases', '/me/cases?include=ended'])('gets an empty list from %s', async (path) => {
      const response = await get(path, IDLE).expect(200);

      expect(response.body).toStrictEqual([]);
    });
  });

  describe('who may call it', () => {
    const routes = ['/me/offers', '/me/tasks', '/me/cases'];

    it.each(routes)('refuses %s without a token with 401', async (path) => {
      await sut.api().get(path).expect(401);
    });

    it.each(routes.flatMap((path) => (['coordinator', 'auditor'] as const).map((role) => [path, role] as const)))(
      'refuses %s with 403 to the role %s, which has no inbox',
      async (path, role) => {
        const response = await sut.api().get(path).set('Authorization', bearer(role, `local-${role}`)).expect(403);

        expect(response.body.code).toBe('forbidden');
      },
    );
  });

  describe('the OpenAPI description', () => {
    it.each([
      ['/me/offers', 'InboxOfferBody'],
      ['/me/tasks', 'InboxTaskBody'],
      ['/me/cases', 'InboxCaseBody'],
    ])('documents %s as answering a list of %s, and its 401 and 403', (path, schema) => {
      const document = SwaggerModule.createDocument(sut.app, new DocumentBuilder().build());

      const responses = document.paths[path].get?.responses ?? {};
      expect(responses['200']).toMatchObject({ content: { 'application/json': { schema: { type: 'array', items: { $ref: `#/components/schemas/${schema}` } } } } });
      expect(Object.keys(responses)).toEqual(expect.arrayContaining(['401', '403']));
      expect(Object.keys(document.components?.schemas?.[schema] ?? {})).toContain('properties');
    });
  });

  describe('the participation indexes', () => {
    it.each([
      ['offeredTo', 'cases_open_offers_idx'],
      ['hasOpenTaskFor', 'cases_tasks_idx'],
      ['teamIncludes', 'cases_team_idx'],
    ] as const)('can serve the %s query through %s', async (condition, index) => {
      // A handful of cases is cheaper to scan, so the planner is told not to: the question is whether it could use the index.
      const plan = await db.dataSource.transaction(async (manager) => {
        await manager.query('SET LOCAL enable_seqscan = off');
        const rows: Array<{ 'QUERY PLAN': string }> = await manager.query(`EXPLAIN ${participatingCasesQuery(PARTICIPATION[condition])}`, [A.expertId, []]);
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      });

      expect(plan).toContain(`Bitmap Index Scan on ${index}`);
    });
  });
});
