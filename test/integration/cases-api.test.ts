import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CasesModule } from '../../src/cases/cases.module';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { ConfigModule } from '../../src/config/config.module';
import { RuntimeConnections } from '../../src/config/runtime-connections';
import { brigadeDataSourceOptions } from '../../src/database/data-source-options';
import { caseEvent, type NewCaseEvent } from '../../src/domain/case.events';
import { evolve, type CaseState } from '../../src/domain/case.state';
import type { Actor, CaseCategory, RiskLevel, SafetyRegion } from '../../src/domain/case.vocabulary';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { brigadeValidationPipe } from '../../src/runtime/validation';
import { CASE_FAILURE } from '../../workflows/messages';
import { aSupportRequest } from '../support/case-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** One update or signal as the fake Temporal client received it. */
interface SentMessage {
  readonly workflowId: string;
  readonly kind: 'update' | 'signal';
  readonly name: string;
  readonly input: unknown;
}

/**
 * Stands in for Temporal's client: this file is about the HTTP layer, so the fake records what was sent and answers
 * with a canned live state; the workflow's own behaviour is tested against the real test server elsewhere.
 */
class FakeTemporal {
  readonly sent: SentMessage[] = [];
  readonly started: Array<{ workflowId: string; args: unknown[] }> = [];
  /** The live state of each running case workflow, by case id; null before its first event. */
  readonly running = new Map<string, CaseState | null>();
  /** What the next update to a case fails with, by case id. */
  readonly updateFailures = new Map<string, Error>();

  readonly workflow = {
    start: async (_type: string, options: { workflowId: string; args: unknown[] }) => {
      this.started.push({ workflowId: options.workflowId, args: options.args });
    },
    getHandle: (workflowId: string) => ({
      executeUpdate: async (update: { name: string }, options: { args: [unknown] }) => {
        const state = this.live(workflowId);
        this.sent.push({ workflowId, kind: 'update', name: update.name, input: options.args[0] });
        const failure = this.updateFailures.get(caseIdOf(workflowId));
        if (failure) throw failure;
        return state;
      },
      signal: async (signal: { name: string }, input: unknown) => {
        this.live(workflowId);
        this.sent.push({ workflowId, kind: 'signal', name: signal.name, input });
      },
      query: async () => this.live(workflowId),
    }),
  };

  sentTo(caseId: string): SentMessage[] {
    return this.sent.filter((message) => message.workflowId === `case-${caseId}`);
  }

  private live(workflowId: string): CaseState | null {
    const caseId = caseIdOf(workflowId);
    if (!this.running.has(caseId)) throw new WorkflowNotFoundError('workflow not found', workflowId, undefined);
    return this.running.get(caseId) ?? null;
  }
}

const caseIdOf = (workflowId: string) => workflowId.replace(/^case-/, '');

/** Provides the fake in place of the real client, which `TemporalModule` would otherwise connect to a server. */
function fakeTemporalModule(fake: FakeTemporal): DynamicModule {
  @Module({})
  class FakeTemporalModule {}
  return { module: FakeTemporalModule, global: true, providers: [{ provide: Client, useValue: fake }], exports: [Client] };
}

const COORDINATOR: Actor = { role: 'coordinator', id: 'local-coordinator' };
const LEAD = randomUUID();
const SUPPORT = randomUUID();
const OUTSIDER = randomUUID();
const expert = (expertId: string): Actor => ({ role: 'expert', id: expertId });
const T = Date.parse('2027-03-01T09:00:00.000Z');
const at = (hours: number) => new Date(T + hours * 3_600_000).toISOString();
const SYSTEM: Actor = { role: 'system', id: 'test' };

describe('the cases HTTP API', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let temporal: FakeTemporal;
  let eventStore: PostgresEventStore;
  let api: () => ReturnType<typeof request>;

  beforeAll(async () => {
    db = await createTestDatabase();
    temporal = new FakeTemporal();
    eventStore = new PostgresEventStore(db.dataSource);
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot(brigadeDataSourceOptions(db.url, { logging: false })),
        ConfigModule.forRoot(loadBrigadeConfig({}), new RuntimeConnections(db.url, 'unused:7233', undefined)),
        fakeTemporalModule(temporal),
        CasesModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalPipes(brigadeValidationPipe());
    await app.init();
    api = () => request(app.getHttpServer());
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /** A running case workflow whose live state is in preparation with a lead and a support expert, unless overridden. */
  function aRunningCase(overrides: Partial<CaseState> = {}): string {
    const request = aSupportRequest();
    const opened = evolve(null, { ...caseEvent('RequestReceived', { request }, COORDINATOR, at(0)), caseId: request.caseId, version: 1 });
    temporal.running.set(request.caseId, {
      ...opened,
      stage: 'Preparation',
      version: 9,
      riskLevel: 'MEDIUM',
      team: [{ expertId: LEAD, name: 'Anouk de Vries', role: 'lead' }, { expertId: SUPPORT, name: 'Bram Dekker', role: 'support' }],
      ...overrides,
    });
    return request.caseId;
  }

  /** Records a case's events through the real event store, which keeps the `cases` projection. */
  async function aRecordedCase(
    request: { category?: CaseCategory; municipality?: string; safetyRegion?: SafetyRegion; riskLevel?: RiskLevel },
    ...events: NewCaseEvent[]
  ): Promise<string> {
    const { riskLevel = 'MEDIUM', ...fields } = request;
    const supportRequest = aSupportRequest(fields);
    await eventStore.append({
      caseId: supportRequest.caseId,
      expectedVersion: 0,
      idempotencyKey: `cases-api-test-${supportRequest.caseId}`,
      events: [
        caseEvent('RequestReceived', { request: supportRequest }, COORDINATOR, at(0)),
        caseEvent('IntakeAssessed', { riskLevel, score: 3, reasons: ['test'] }, SYSTEM, at(0)),
        ...events,
      ],
    });
    return supportRequest.caseId;
  }

  const fieldsOf = (body: { fields?: Array<{ field: string }> }) => (body.fields ?? []).map((problem) => problem.field);

  describe('every step of a case', () => {
    it.each([
      ['triage', '/triage', { decision: 'accept' }, 'triage', { decision: 'accept', actor: COORDINATOR }],
      ['accepting an offer', '/offers/offer-1-2/accept', { expertId: LEAD }, 'respondToOffer',
        { offerId: 'offer-1-2', response: 'accept', actor: expert(LEAD) }],
      ['declining an offer with a reason', '/offers/offer-1-1/decline', { expertId: SUPPORT, reason: 'Op vakantie' }, 'respondToOffer',
        { offerId: 'offer-1-1', response: 'decline', reason: 'Op vakantie', actor: expert(SUPPORT) }],
      ['declining an offer without a reason', '/offers/offer-2-1/decline', { expertId: SUPPORT }, 'respondToOffer',
        { offerId: 'offer-2-1', response: 'decline', actor: expert(SUPPORT) }],
      ['assigning an expert by hand', '/assignments', { expertId: SUPPORT, note: 'Kent de burgemeester' }, 'assignExpert',
        { expertId: SUPPORT, note: 'Kent de burgemeester', actor: COORDINATOR }],
      ['scheduling the session', '/session', { scheduledAt: '2027-03-10T14:00:00Z' }, 'scheduleSession',
        { scheduledAt: '2027-03-10T14:00:00Z', actor: COORDINATOR }],
      ['recording the session as the lead', '/session/held', { outcomes: 'Draaiboek vastgesteld', expertId: LEAD }, 'holdSession',
        { outcomes: 'Draaiboek vastgesteld', actor: expert(LEAD) }],
      ['recording the session as the coordinator', '/session/held', { outcomes: 'Draaiboek vastgesteld' }, 'holdSession',
        { outcomes: 'Draaiboek vastgesteld', actor: COORDINATOR }],
      ['completing a task', '/tasks/task-2/complete', { expertId: SUPPORT, outcome: 'Risicoanalyse gedeeld' }, 'completeTask',
        { taskId: 'task-2', outcome: 'Risicoanalyse gedeeld', actor: expert(SUPPORT) }],
      ['reporting on the intervention', '/intervention', { expertId: LEAD, outcome: 'tense', notes: 'Luid maar beheerst' }, 'reportIntervention',
        { outcome: 'tense', notes: 'Luid maar beheerst', actor: expert(LEAD) }],
      ['completing a follow-up', '/follow-ups/day-30', { expertId: LEAD, ongoingRisk: false, notes: 'Rustig' }, 'completeFollowUp',
        { followUpId: 'day-30', ongoingRisk: false, notes: 'Rustig', actor: expert(LEAD) }],
      ['acknowledging an escalation', '/escalations/esc-1/acknowledge', undefined, 'acknowledgeEscalation',
        { escalationId: 'esc-1', actor: COORDINATOR }],
      ['evaluating the case', '/evaluation', { summary: 'Goed voorbereid' }, 'evaluateCase', { summary: 'Goed voorbereid', actor: COORDINATOR }],
      ['closing the case', '/close', { summary: 'Afgerond' }, 'closeCase', { summary: 'Afgerond', actor: COORDINATOR }],
      ['cancelling the case', '/cancel', { reason: 'Bijeenkomst gaat niet door' }, 'cancelCase',
        { reason: 'Bijeenkomst gaat niet door', actor: COORDINATOR }],
    ])('sends %s to the workflow as an update with the right actor, and answers 200 with the case state', async (_step, path, body, name, input) => {
      const caseId = aRunningCase();

      const response = await api().post(`/cases/${caseId}${path}`).send(body).expect(200);

      expect(temporal.sentTo(caseId)).toStrictEqual([{ workflowId: `case-${caseId}`, kind: 'update', name, input }]);
      expect(response.body).toEqual(temporal.running.get(caseId));
    });
  });

  describe('bad input', () => {
    it.each([
      ['POST /triage', 'decision', '/triage', { decision: 'maybe' }],
      ['POST /offers/:offerId/accept', 'expertId', '/offers/offer-1-1/accept', {}],
      ['POST /offers/:offerId/accept', 'expertId', '/offers/offer-1-1/accept', { expertId: 'anouk' }],
      ['POST /offers/:offerId/decline', 'reason', '/offers/offer-1-1/decline', { expertId: LEAD, reason: '   ' }],
      ['POST /offers/:offerId/decline', 'reason', '/offers/offer-1-1/decline', { expertId: LEAD, reason: 'x'.repeat(2001) }],
      ['POST /assignments', 'expertId', '/assignments', { expertId: '6f1c2f0e-8a5b-1c3d-9e7f-0a1b2c3d4e5f' }],
      ['POST /assignments', 'note', '/assignments', { expertId: LEAD, note: 42 }],
      ['POST /session', 'scheduledAt', '/session', { scheduledAt: 'next tuesday' }],
      ['POST /session', 'scheduledAt', '/session', { scheduledAt: '2027-03-10 14:00' }],
      ['POST /session/held', 'outcomes', '/session/held', {}],
      ['POST /session/held', 'expertId', '/session/held', { outcomes: 'Klaar', expertId: 'the-lead' }],
      ['POST /tasks/:taskId/complete', 'outcome', '/tasks/task-1/complete', { expertId: LEAD, outcome: '' }],
      ['POST /tasks/:taskId/complete', 'expertId', '/tasks/task-1/complete', { outcome: 'Klaar' }],
      ['POST /intervention', 'outcome', '/intervention', { expertId: LEAD, outcome: 'chaotic', notes: 'Veel lawaai' }],
      ['POST /intervention', 'notes', '/intervention', { expertId: LEAD, outcome: 'calm' }],
      ['POST /follow-ups/:followUpId', 'ongoingRisk', '/follow-ups/day-7', { expertId: LEAD, ongoingRisk: 'yes', notes: 'Onrustig' }],
      ['POST /follow-ups/:followUpId', 'notes', '/follow-ups/day-7', { expertId: LEAD, ongoingRisk: true, notes: 'x'.repeat(5001) }],
      ['POST /risk', 'level', '/risk', { level: 'EXTREME', reason: 'Dreigbrief' }],
      ['POST /risk', 'reason', '/risk', { level: 'HIGH' }],
      ['POST /risk', 'expertId', '/risk', { level: 'HIGH', reason: 'Dreigbrief', expertId: 'somebody' }],
      ['POST /concerns', 'concern', '/concerns', { expertId: LEAD, concern: ' ' }],
      ['POST /concerns', 'expertId', '/concerns', { concern: 'Ik word gevolgd' }],
      ['POST /evaluation', 'summary', '/evaluation', {}],
      ['POST /close', 'summary', '/close', { summary: 7 }],
      ['POST /cancel', 'reason', '/cancel', { reason: 'x'.repeat(2001) }],
      ['POST /cancel', 'by', '/cancel', { reason: 'Gaat niet door', by: 'mayor' }],
    ])('%s refuses a bad %s with a 400 that names it, and sends nothing', async (_route, field, path, body) => {
      const caseId = aRunningCase();

      const response = await api().post(`/cases/${caseId}${path}`).send(body).expect(400);

      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.stringContaining(field) });
      expect(fieldsOf(response.body)).toContain(field);
      expect(temporal.sentTo(caseId)).toEqual([]);
    });

    it.each([
      ['/offers/:offerId/accept', 'offerId', { expertId: LEAD }],
      ['/offers/:offerId/decline', 'offerId', { expertId: LEAD }],
      ['/tasks/:taskId/complete', 'taskId', { expertId: LEAD, outcome: 'Klaar' }],
      ['/follow-ups/:followUpId', 'followUpId', { expertId: LEAD, ongoingRisk: false, notes: 'Rustig' }],
      ['/escalations/:escalationId/acknowledge', 'escalationId', undefined],
    ])('%s refuses a %s that is a path traversal, holds a space, is 200 characters long or in capitals, with a 400 that names it', async (template, param, body) => {
      const caseId = aRunningCase();

      for (const junk of ['..%2F..%2Fevents', 'task%201', 'a'.repeat(200), 'OFFER-1-1']) {
        const response = await api().post(`/cases/${caseId}${template.replace(`:${param}`, junk)}`).send(body).expect(400);
        expect(fieldsOf(response.body)).toEqual([param]);
      }
      expect(temporal.sentTo(caseId)).toEqual([]);
    });

    it('refuses a case id that is not a version-4 UUID with 400, and sends nothing', async () => {
      const sentBefore = temporal.sent.length;

      await api().post('/cases/not-a-uuid/cancel').send({ reason: 'Gaat niet door' }).expect(400);
      await api().post('/cases/..%2F..%2Fhealth/risk').send({ level: 'HIGH', reason: 'Dreigbrief' }).expect(400);

      expect(temporal.sent).toHaveLength(sentBefore);
    });
  });

  describe('when the workflow refuses an update', () => {
    it.each([
      [CASE_FAILURE.notFound, 404, 'Not Found'],
      [CASE_FAILURE.conflict, 409, 'Conflict'],
      [CASE_FAILURE.invalidInput, 400, 'Bad Request'],
      [CASE_FAILURE.forbidden, 403, 'Forbidden'],
    ])('answers a %s refusal with %i and the workflow\'s message', async (type, status, error) => {
      const caseId = aRunningCase();
      const message = `refused by the validator as ${type}`;
      temporal.updateFailures.set(caseId, new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type, message, nonRetryable: true })));

      const response = await api().post(`/cases/${caseId}/tasks/task-9/complete`).send({ expertId: LEAD, outcome: 'Klaar' }).expect(status);

      expect(response.body).toEqual({ statusCode: status, error, message });
    });

    it('answers 404 for a step that is not on a recorded case, rather than calling the case finished', async () => {
      const caseId = await aRecordedCase({});
      temporal.running.set(caseId, null);
      const refusal = ApplicationFailure.create({ type: CASE_FAILURE.notFound, message: 'offer offer-9-9 is not open on this case', nonRetryable: true });
      temporal.updateFailures.set(caseId, new WorkflowUpdateFailedError('Workflow Update failed', refusal));

      const response = await api().post(`/cases/${caseId}/offers/offer-9-9/accept`).send({ expertId: LEAD }).expect(404);

      expect(response.body.message).toBe('offer offer-9-9 is not open on this case');
    });

    it('answers 404 for a case that was never registered', async () => {
      const caseId = randomUUID();

      const response = await api().post(`/cases/${caseId}/evaluation`).send({ summary: 'Goed' }).expect(404);

      expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: `case ${caseId} does not exist` });
    });

    it('answers 409 for a recorded case whose workflow has finished', async () => {
      const caseId = await aRecordedCase({}, caseEvent('CaseCancelled', { reason: 'Gaat niet door' }, COORDINATOR, at(1)));

      const response = await api().post(`/cases/${caseId}/evaluation`).send({ summary: 'Goed' }).expect(409);

      expect(response.body.message).toBe(`case ${caseId} is cancelled and takes no more decisions`);
    });

    it('answers 500 for a failure that is not one of the case\'s refusals', async () => {
      const caseId = aRunningCase();
      temporal.updateFailures.set(caseId, new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type: 'TypeError', message: 'boom' })));

      const response = await api().post(`/cases/${caseId}/evaluation`).send({ summary: 'Goed' }).expect(500);

      expect(response.body).toEqual({ statusCode: 500, message: 'Internal server error' });
    });
  });

  describe('POST /cases/:id/risk', () => {
    it('signals the change as the coordinator and answers 202', async () => {
      const caseId = aRunningCase();

      const response = await api().post(`/cases/${caseId}/risk`).send({ level: 'HIGH', reason: 'Dreigbrief ontvangen' }).expect(202);

      expect(response.body).toEqual({ accepted: true });
      expect(temporal.sentTo(caseId)).toStrictEqual([{
        workflowId: `case-${caseId}`, kind: 'signal', name: 'changeRisk', input: { level: 'HIGH', reason: 'Dreigbrief ontvangen', actor: COORDINATOR },
      }]);
    });

    it('signals the change as an expert on the team when the body names one', async () => {
      const caseId = aRunningCase();

      await api().post(`/cases/${caseId}/risk`).send({ level: 'LOW', reason: 'De-escalatie gelukt', expertId: SUPPORT }).expect(202);

      expect(temporal.sentTo(caseId).map((message) => message.input)).toEqual([{ level: 'LOW', reason: 'De-escalatie gelukt', actor: expert(SUPPORT) }]);
    });

    it('answers 404 for a case that does not exist, and sends nothing', async () => {
      const caseId = randomUUID();

      await api().post(`/cases/${caseId}/risk`).send({ level: 'HIGH', reason: 'Dreigbrief' }).expect(404);

      expect(temporal.sentTo(caseId)).toEqual([]);
    });

    it.each(['Closed', 'Rejected', 'Cancelled'] as const)('answers 409 for a case that is %s, and sends nothing', async (stage) => {
      const caseId = aRunningCase({ stage });

      const response = await api().post(`/cases/${caseId}/risk`).send({ level: 'HIGH', reason: 'Dreigbrief' }).expect(409);

      expect(response.body.message).toBe(`case ${caseId} is ${stage.toLowerCase()} and takes no more decisions`);
      expect(temporal.sentTo(caseId)).toEqual([]);
    });

    it('answers 409 for a recorded case whose workflow has finished', async () => {
      const caseId = await aRecordedCase({}, caseEvent('RequestRejected', { reason: 'Geen rol voor de brigade' }, COORDINATOR, at(1)));

      await api().post(`/cases/${caseId}/risk`).send({ level: 'HIGH', reason: 'Dreigbrief' }).expect(409);
    });

    it.each([
      ['an expert who is not on the team', { level: 'HIGH', reason: 'Dreigbrief', expertId: OUTSIDER }, `expert ${OUTSIDER} is not on the team`],
      ['a level the case already has', { level: 'MEDIUM', reason: 'Dreigbrief' }, 'is already MEDIUM'],
    ])('answers 409 for %s, which the workflow would ignore, and sends nothing', async (_case, body, message) => {
      const caseId = aRunningCase();

      const response = await api().post(`/cases/${caseId}/risk`).send(body).expect(409);

      expect(response.body.message).toContain(message);
      expect(temporal.sentTo(caseId)).toEqual([]);
    });

    it('answers 409 while the case is still being registered', async () => {
      const caseId = randomUUID();
      temporal.running.set(caseId, null);

      await api().post(`/cases/${caseId}/risk`).send({ level: 'HIGH', reason: 'Dreigbrief' }).expect(409);

      expect(temporal.sentTo(caseId)).toEqual([]);
    });
  });

  describe('POST /cases/:id/concerns', () => {
    it('signals the concern as the expert and answers 202', async () => {
      const caseId = aRunningCase();

      const response = await api().post(`/cases/${caseId}/concerns`).send({ expertId: SUPPORT, concern: 'De wethouder wordt gevolgd' }).expect(202);

      expect(response.body).toEqual({ accepted: true });
      expect(temporal.sentTo(caseId)).toStrictEqual([{
        workflowId: `case-${caseId}`, kind: 'signal', name: 'raiseConcern', input: { concern: 'De wethouder wordt gevolgd', actor: expert(SUPPORT) },
      }]);
    });

    it('answers 409 for an expert who is not on the team, and sends nothing', async () => {
      const caseId = aRunningCase();

      const response = await api().post(`/cases/${caseId}/concerns`).send({ expertId: OUTSIDER, concern: 'Ik maak me zorgen' }).expect(409);

      expect(response.body.message).toBe(`expert ${OUTSIDER} is not on the team of case ${caseId}`);
      expect(temporal.sentTo(caseId)).toEqual([]);
    });

    it('answers 404 for a case that does not exist and 409 for a closed one', async () => {
      const closed = aRunningCase({ stage: 'Closed' });

      await api().post(`/cases/${randomUUID()}/concerns`).send({ expertId: LEAD, concern: 'Zorgen' }).expect(404);
      await api().post(`/cases/${closed}/concerns`).send({ expertId: LEAD, concern: 'Zorgen' }).expect(409);

      expect(temporal.sentTo(closed)).toEqual([]);
    });
  });

  describe('POST /cases', () => {
    it.each(["'s-Hertogenbosch", 'Nuenen, Gerwen en Nederwetten', 'Bergen (NH)', 'Súdwest-Fryslân'])(
      'registers a request from %s', async (municipality) => {
        const body = {
          category: 'CITIZEN_MEETING', municipality, safetyRegion: 'brabant-zuidoost', requesterRole: 'mayor',
          description: 'Inspraakavond', indicators: {},
        };

        const response = await api().post('/cases').send(body).expect(201);

        const started = temporal.started.find((start) => start.workflowId === response.body.workflowId);
        expect(started?.args).toEqual([expect.objectContaining({ request: expect.objectContaining({ municipality }), registeredBy: COORDINATOR })]);
      },
    );

    it('refuses a municipality that is no name with a 400 that names it', async () => {
      const response = await api().post('/cases').send({
        category: 'INCIDENT', municipality: '<script>', safetyRegion: 'zeeland', requesterRole: 'mayor', description: 'x', indicators: {},
      }).expect(400);

      expect(fieldsOf(response.body)).toEqual(['municipality']);
    });
  });

  describe('GET /cases/:id', () => {
    it('shows the live state of a running case, and answers 404 for an unknown one', async () => {
      const caseId = aRunningCase();

      const response = await api().get(`/cases/${caseId}`).expect(200);

      expect(response.body).toEqual({ caseId, recorded: null, live: temporal.running.get(caseId) });
      await api().get(`/cases/${randomUUID()}`).expect(404);
    });
  });

  describe('GET /cases', () => {
    // Zeeland is kept for these tests alone, so that every query below sees only these cases.
    const cases: Record<string, string> = {};
    let hertogenbosch: string;

    beforeAll(async () => {
      cases.triage = await aRecordedCase({ category: 'CITIZEN_MEETING', municipality: 'Goes', safetyRegion: 'zeeland' });
      cases.matching = await aRecordedCase({ category: 'SHELTER_SUPPORT', municipality: 'Middelburg', safetyRegion: 'zeeland', riskLevel: 'HIGH' },
        caseEvent('RequestAccepted', {}, COORDINATOR, at(1)),
        caseEvent('ExpertOffered', { offerId: 'offer-1-1', expertId: LEAD, expertName: 'Anouk', round: 1, expiresAt: at(72) }, SYSTEM, at(1)),
        caseEvent('ExpertOffered', { offerId: 'offer-1-2', expertId: SUPPORT, expertName: 'Bram', round: 1, expiresAt: at(48) }, SYSTEM, at(1)),
        escalationRaised('esc-1', at(120)));
      cases.preparation = await aRecordedCase({ category: 'INCIDENT', municipality: 'Vlissingen', safetyRegion: 'zeeland', riskLevel: 'HIGH' },
        caseEvent('RequestAccepted', {}, COORDINATOR, at(1)),
        caseEvent('TeamAssembled', { members: [{ expertId: LEAD, name: 'Anouk', role: 'lead' }] }, SYSTEM, at(2)),
        taskAssigned('task-1', at(3)),
        caseEvent('TaskCompleted', { taskId: 'task-1', outcome: 'Klaar' }, expert(LEAD), at(3)),
        taskAssigned('task-2', at(96)),
        escalationRaised('esc-1', at(24)));
      cases.followUp = await aRecordedCase({ category: 'THREAT_TO_OFFICIAL', municipality: 'Goes', safetyRegion: 'zeeland', riskLevel: 'CRITICAL' },
        taskAssigned('task-1', at(2)),
        caseEvent('TaskWithdrawn', { taskId: 'task-1', reason: 'the session was held without it' }, SYSTEM, at(3)),
        caseEvent('FollowUpScheduled', { followUpId: 'day-7', dueAt: at(-24) }, SYSTEM, at(3)),
        caseEvent('FollowUpScheduled', { followUpId: 'day-30', dueAt: at(480) }, SYSTEM, at(3)),
        caseEvent('FollowUpCompleted', { followUpId: 'day-7', ongoingRisk: false, notes: 'Rustig' }, expert(LEAD), at(4)));
      cases.cancelled = await aRecordedCase({ category: 'CITIZEN_MEETING', municipality: 'Goes', safetyRegion: 'zeeland', riskLevel: 'LOW' },
        caseEvent('FollowUpScheduled', { followUpId: 'day-7', dueAt: at(24) }, SYSTEM, at(3)),
        caseEvent('CaseCancelled', { reason: 'Gaat niet door' }, COORDINATOR, at(4)));
      hertogenbosch = await aRecordedCase({ municipality: "'s-Hertogenbosch", safetyRegion: 'brabant-noord' });
    });

    function escalationRaised(escalationId: string, ackDeadline: string): NewCaseEvent {
      return caseEvent('EscalationRaised', {
        escalationId, trigger: 'missedDeadline', subject: escalationId, reason: 'te laat', level: 1, target: 'dutyCoordinator', ackDeadline,
      }, SYSTEM, at(1));
    }

    function taskAssigned(taskId: string, dueAt: string): NewCaseEvent {
      return caseEvent('TaskAssigned', { taskId, templateId: 'risk-analysis', title: 'Risicoanalyse', assigneeId: LEAD, dueAt }, SYSTEM, at(2));
    }

    const idsOf = (body: { items: Array<{ caseId: string }> }) => body.items.map((item) => item.caseId);

    it('lists the most recently changed cases first, a page at a time, with the total', async () => {
      const pages = [];
      for (const page of [1, 2, 3, 4]) pages.push((await api().get('/cases').query({ region: 'zeeland', pageSize: 2, page }).expect(200)).body);

      expect(pages.map(idsOf)).toEqual([
        [cases.cancelled, cases.followUp], [cases.preparation, cases.matching], [cases.triage], [],
      ]);
      expect(pages.map(({ total, page, pageSize }) => ({ total, page, pageSize }))).toEqual([1, 2, 3, 4].map((page) => ({ total: 5, page, pageSize: 2 })));
    });

    it('shows each case\'s list fields, read from the cases table', async () => {
      const [row] = await db.sql<{ updated_at: Date }>('SELECT updated_at FROM cases WHERE case_id = $1', [cases.matching]);

      const response = await api().get('/cases').query({ region: 'zeeland', stage: 'Matching' }).expect(200);

      expect(response.body).toEqual({
        items: [{
          caseId: cases.matching, stage: 'Matching', riskLevel: 'HIGH', category: 'SHELTER_SUPPORT', municipality: 'Middelburg',
          safetyRegion: 'zeeland', version: 6, updatedAt: row.updated_at.toISOString(),
          nextDeadline: { at: at(48), kind: 'offer', id: 'offer-1-2' },
        }],
        total: 1, page: 1, pageSize: 20,
      });
    });

    it('gives the earliest open offer, task, escalation or follow-up as the next deadline, and none for an ended case', async () => {
      const response = await api().get('/cases').query({ region: 'zeeland' }).expect(200);
      const deadlines = Object.fromEntries(response.body.items.map((item: { caseId: string; nextDeadline: unknown }) => [item.caseId, item.nextDeadline]));

      expect(deadlines).toEqual({
        [cases.triage]: null,
        [cases.matching]: { at: at(48), kind: 'offer', id: 'offer-1-2' },
        [cases.preparation]: { at: at(24), kind: 'escalation', id: 'esc-1' },
        [cases.followUp]: { at: at(480), kind: 'followUp', id: 'day-30' },
        [cases.cancelled]: null,
      });
    });

    it.each([
      ['stage', { stage: 'Preparation' }, ['preparation']],
      ['risk', { risk: 'HIGH' }, ['preparation', 'matching']],
      ['category', { category: 'CITIZEN_MEETING' }, ['cancelled', 'triage']],
      ['municipality, whatever its case', { municipality: 'goes' }, ['cancelled', 'followUp', 'triage']],
      ['municipality and risk together', { municipality: 'Goes', risk: 'CRITICAL' }, ['followUp']],
    ])('filters by %s', async (_filter, query, expected) => {
      const response = await api().get('/cases').query({ region: 'zeeland', ...query }).expect(200);

      expect(idsOf(response.body)).toEqual(expected.map((name) => cases[name]));
      expect(response.body.total).toBe(expected.length);
    });

    it('filters by safety region and by a municipality whose name starts with an apostrophe', async () => {
      const byRegion = await api().get('/cases').query({ region: 'brabant-noord' }).expect(200);
      const byName = await api().get('/cases').query({ municipality: "'s-Hertogenbosch" }).expect(200);

      expect(idsOf(byRegion.body)).toEqual([hertogenbosch]);
      expect(idsOf(byName.body)).toEqual([hertogenbosch]);
    });

    it.each([
      ['page', { page: 0 }],
      ['pageSize', { pageSize: 101 }],
      ['pageSize', { pageSize: 'ten' }],
      ['stage', { stage: 'Open' }],
      ['risk', { risk: 'EXTREME' }],
      ['category', { category: 'FLOOD' }],
      ['region', { region: 'atlantis' }],
      ['municipality', { municipality: '<script>' }],
      ['sort', { sort: 'updated_at' }],
    ])('refuses a bad %s with a 400 that names it', async (field, query) => {
      const response = await api().get('/cases').query(query).expect(400);

      expect(fieldsOf(response.body)).toContain(field);
    });
  });
});
