import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { UserRole } from '../../src/domain/user-role';
import { CasesModule } from '../../src/cases/cases.module';
import type { CaseState } from '../../src/domain/case.state';
import { DAY } from '../../src/domain/durations';
import { createApiApp, type ApiApp } from '../support/api-app';
import { CaseDriver, anExpertPool } from '../support/case-driver';
import { realTemporalClient } from '../support/real-temporal-client';
import { testDataConverter } from '../support/payload-keys';
import { bearer } from '../support/tokens';
import { withBearer } from '../support/with-bearer';
import { createWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';

const COORDINATOR = 'c.jansen';
const SIMULTANEOUS_REGISTRATIONS = 10;

/** A threat against an office holder at CRITICAL risk: a team of four, offered to five experts at once. */
const aCriticalThreat = (eventDate: string, description = 'Wethouder bedreigd na besluit over opvang') => ({
  category: 'THREAT_TO_OFFICIAL', municipalityCode: 'GM0637', safetyRegion: 'haaglanden', requesterRole: 'mayor', description, eventDate,
  indicators: { threatsReceived: true, officeHolderPersonallyTargeted: true, onlineAgitation: true, mediaAttention: 'national' },
});

// One case, driven over HTTP against a real workflow, from its repeated registration through a race for the last team
// place to tasks completed twice; every step that is tried twice must have exactly one effect.
describe('repeated and simultaneous requests over HTTP, with a real workflow behind them', () => {
  let harness: WorkflowHarness;
  let app: ApiApp;
  let url: string;

  beforeAll(async () => {
    harness = await createWorkflowHarness();
    await anExpertPool(harness, Array.from({ length: 6 }, () => ({ homeMunicipalityCode: 'GM0344' })));
    app = await createApiApp(harness.db, {
      imports: [CasesModule, realTemporalClient(harness.env.client)],
      env: { BRIGADE_TASK_QUEUE: harness.taskQueue },
    });
    // Listening once, so that simultaneous requests share one server rather than each starting its own.
    await app.app.listen(0, '127.0.0.1');
    url = await app.app.getUrl();
  });
  afterAll(async () => {
    await app?.close();
    await harness?.close();
  });

  const as = (role: UserRole, subject: string) => withBearer(url, bearer(role, subject));
  const coordinator = () => as('coordinator', COORDINATOR);
  const asExpert = (expertId: string) => as('expert', expertId);
  const statuses = (responses: Response[]) => responses.map((response) => response.status).sort((a, b) => a - b);
  // The API judges an eventDate by the real clock (at most two years ahead), the workflow by the test server's. Awaiting
  // a result through the time-skipping client lets the server skip to its next timer, ten years on once the case has
  // ended, so cases here end through a plain client on the same connection, which keeps the two clocks days apart.
  const ended = (caseId: string) =>
    new Client({ connection: harness.env.connection, dataConverter: testDataConverter() }).workflow.getHandle(`case-${caseId}`).result();
  const cancelled = async (caseId: string) => {
    await coordinator().post(`/cases/${caseId}/cancel`).send({ reason: 'test finished' }).expect(200);
    await ended(caseId);
  };
  // The case workflow's runs; the archiver that the ended case starts records from a workflow of its own.
  const recordedRuns = async (caseId: string) => (await harness.db.sql<{ run_id: string }>(
    'SELECT DISTINCT run_id FROM case_events WHERE case_id = $1 AND workflow_id = $2', [caseId, `case-${caseId}`])).map((row) => row.run_id);

  it('registers a case once, takes one expert for the last place, and records each task completion and the report once', async () => {
    await harness.withWorker(async () => {
      const eventDate = new Date((await harness.env.currentTimeMs()) + 10 * DAY).toISOString();
      const body = aCriticalThreat(eventDate);
      const key = `idem-${randomUUID()}`;

      // The same registration, sent ten times at once under one Idempotency-Key.
      const registrations = await Promise.all(Array.from({ length: SIMULTANEOUS_REGISTRATIONS }, () =>
        coordinator().post('/cases').set('Idempotency-Key', key).send(body)));

      expect(statuses(registrations)).toEqual([...Array(SIMULTANEOUS_REGISTRATIONS - 1).fill(200), 201]);
      const [caseId] = new Set(registrations.map((response) => response.body.caseId as string));
      expect(registrations.map((response) => response.body)).toEqual(registrations.map((response) => ({
        caseId, workflowId: `case-${caseId}`, replayed: response.status === 200,
      })));
      const handle = harness.env.client.workflow.getHandle(`case-${caseId}`);
      const sut = new CaseDriver(handle, harness);
      await sut.waitFor((s) => s.stage === 'Triage', 'triage');
      expect(await sut.eventsOf('RequestReceived')).toHaveLength(1);

      // The same key with another body is a different request: refused, and nothing changes.
      const different = await coordinator().post('/cases').set('Idempotency-Key', key).send(aCriticalThreat(eventDate, 'Een ander verzoek'));
      expect(different.status).toBe(422);
      expect(different.body).toEqual({
        statusCode: 422, code: 'unprocessable', message: 'Deze Idempotency-Key is al gebruikt voor een ander verzoek.',
        reason: { code: 'idempotency_key_reused', params: {} }, fields: [],
      });

      await coordinator().post(`/cases/${caseId}/triage`).send({ decision: 'accept' }).expect(200);
      const offered = await sut.waitFor((s) => s.openOffers.length === 5, 'five parallel offers');
      const [first, second, third, fourth, fifth] = offered.openOffers;
      for (const offer of [first, second, third]) {
        await asExpert(offer.expertId).post(`/cases/${caseId}/offers/${offer.offerId}/accept`).send({}).expect(200);
      }

      // Two experts reach for the last place at the same moment.
      const race = await Promise.all([fourth, fifth].map((offer) =>
        asExpert(offer.expertId).post(`/cases/${caseId}/offers/${offer.offerId}/accept`).send({})));

      expect(statuses(race)).toEqual([200, 409]);
      expect(race.find((response) => response.status === 409)!.body).toEqual({
        statusCode: 409, code: 'conflict', message: 'Het team is al compleet.', reason: { code: 'team_complete', params: {} }, fields: [],
      });
      const winner = [fourth, fifth][race.findIndex((response) => response.status === 200)];
      const preparing = await sut.waitFor((s) => s.stage === 'Preparation' && s.tasks.length > 0, 'the team and its tasks');
      expect(preparing.team.map((member) => member.expertId)).toEqual([first, second, third, winner].map((offer) => offer.expertId));
      expect(await sut.eventsOf('OfferAccepted')).toHaveLength(4);

      // One task completed twice at the same moment, another completed twice one after the other.
      const [simultaneous, sequential] = preparing.tasks;
      const complete = (task: CaseState['tasks'][number]) =>
        asExpert(task.assigneeId!).post(`/cases/${caseId}/tasks/${task.taskId}/complete`).send({ outcome: `${task.title}: klaar` });

      const twice = await Promise.all([complete(simultaneous), complete(simultaneous)]);
      const once = await complete(sequential);
      const again = await complete(sequential);

      expect(statuses(twice)).toEqual([200, 409]);
      expect(twice.find((response) => response.status === 409)!.body).toMatchObject({
        statusCode: 409, code: 'conflict', reason: { code: 'task_not_open', params: { taskId: simultaneous.taskId } },
      });
      expect([once.status, again.status]).toEqual([200, 409]);
      expect(again.body).toMatchObject({ statusCode: 409, code: 'conflict', reason: { code: 'task_not_open', params: { taskId: sequential.taskId, status: 'completed' } } });
      const completions = (await sut.eventsOf('TaskCompleted')).map((event) => (event.data as { taskId: string }).taskId);
      expect(completions.sort()).toEqual([simultaneous.taskId, sequential.taskId].sort());

      // The lead's report on the intervention, sent twice at the same moment once the event has taken place.
      await coordinator().post(`/cases/${caseId}/session/held`).send({ outcomes: 'Draaiboek vastgesteld' }).expect(200);
      await harness.env.sleep(Date.parse(eventDate) - (await harness.env.currentTimeMs()) + 60_000);
      const reports = await Promise.all([1, 2].map(() =>
        asExpert(first.expertId).post(`/cases/${caseId}/intervention`).send({ outcome: 'calm', notes: 'Rustig verlopen' })));

      expect(statuses(reports)).toEqual([200, 409]);
      expect(reports.find((response) => response.status === 409)!.body).toMatchObject({
        code: 'conflict', reason: { code: expect.stringMatching(/^(intervention_reporting|wrong_stage)$/) },
      });
      expect(await sut.eventsOf('InterventionReported')).toHaveLength(1);

      await cancelled(caseId);

      // Even after the case has ended, the key still names it, and starts nothing new.
      const late = await coordinator().post('/cases').set('Idempotency-Key', key).send(body).expect(200);
      expect(late.body).toEqual({ caseId, workflowId: `case-${caseId}`, replayed: true });
      expect(await sut.eventsOf('RequestReceived')).toHaveLength(1);
      expect(await recordedRuns(caseId)).toEqual([(await handle.describe()).runId]);
      expect(await harness.eventStore.verify(caseId)).toMatchObject({ valid: true });
    });
  });

  it('puts an expert assigned by hand twice at the same moment on the team once', async () => {
    await harness.withWorker(async () => {
      const now = await harness.env.currentTimeMs();
      const eventDate = new Date(now + 10 * DAY).toISOString();
      // Every expert of the pool lives in Utrecht, so nobody there is eligible for a request from there; the one from
      // Amersfoort is away until after the event. Matching fails, and the coordinator assigns her by hand (a conflict of
      // interest would rule out the others even by hand).
      const [expertId] = await anExpertPool(harness, [{
        homeMunicipalityCode: 'GM0307', unavailable: [{ from: new Date(now).toISOString(), to: new Date(now + 11 * DAY).toISOString() }],
      }]);
      const { caseId } = (await coordinator().post('/cases').send({ ...aCriticalThreat(eventDate), municipalityCode: 'GM0344', safetyRegion: 'utrecht' }).expect(201)).body;
      const sut = new CaseDriver(harness.env.client.workflow.getHandle(`case-${caseId}`), harness);
      await sut.waitFor((s) => s.stage === 'Triage', 'triage');
      await coordinator().post(`/cases/${caseId}/triage`).send({ decision: 'accept' }).expect(200);
      await sut.waitFor((s) => s.openEscalations.some((e) => e.trigger === 'failedMatch'), 'the failed match');

      const assignments = await Promise.all([1, 2].map(() => coordinator().post(`/cases/${caseId}/assignments`).send({ expertId })));

      expect(statuses(assignments)).toEqual([200, 409]);
      expect(assignments.find((response) => response.status === 409)!.body).toMatchObject({
        code: 'conflict', reason: { code: expect.stringMatching(/^(already_joining|already_on_team)$/), params: { expertId } },
      });
      expect((await sut.state()).team.map((member) => member.expertId)).toEqual([expertId]);
      expect(await sut.eventsOf('ExpertAssignedManually')).toHaveLength(1);
      await cancelled(caseId);
    });
  });

  it('puts an expert who accepts their offer while the coordinator assigns them by hand on the team once', async () => {
    await harness.withWorker(async () => {
      const eventDate = new Date((await harness.env.currentTimeMs()) + 10 * DAY).toISOString();
      const { caseId } = (await coordinator().post('/cases').send(aCriticalThreat(eventDate)).expect(201)).body;
      const sut = new CaseDriver(harness.env.client.workflow.getHandle(`case-${caseId}`), harness);
      await sut.waitFor((s) => s.stage === 'Triage', 'triage');
      await coordinator().post(`/cases/${caseId}/triage`).send({ decision: 'accept' }).expect(200);
      const { openOffers: [offer] } = await sut.waitFor((s) => s.openOffers.length > 0, 'the offers');

      const answers = await Promise.all([
        asExpert(offer.expertId).post(`/cases/${caseId}/offers/${offer.offerId}/accept`).send({}),
        coordinator().post(`/cases/${caseId}/assignments`).send({ expertId: offer.expertId }),
      ]);

      expect(statuses(answers)).toEqual([200, 409]);
      expect((await sut.state()).team.filter((member) => member.expertId === offer.expertId)).toHaveLength(1);
      const ways = [...await sut.eventsOf('OfferAccepted'), ...await sut.eventsOf('ExpertAssignedManually')];
      expect(ways.filter((event) => (event.data as { expertId: string }).expertId === offer.expertId)).toHaveLength(1);
      await cancelled(caseId);
    });
  });
});
