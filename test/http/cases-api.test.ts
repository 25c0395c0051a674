import { QueryNotRegisteredError, ServiceError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import type { UserRole } from '../../src/domain/user-role';
import { decisionFailure, queryFailure } from '../../src/cases/case-workflow-errors';
import { CasesModule } from '../../src/cases/cases.module';
import { caseEvent, type NewCaseEvent } from '../../src/domain/case.events';
import { municipalityRef, safetyRegionOfMunicipality } from '../../src/domain/places/place-register';
import { evolve, type CaseState } from '../../src/domain/case.state';
import type { Actor, CaseCategory, RiskLevel, SafetyRegion } from '../../src/domain/case.vocabulary';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { refusalsNl } from '../../src/i18n/catalogue/refusals.nl';
import { CASE_FAILURE, type AssignedCase } from '../../workflows/messages';
import { aSupportRequest } from '../support/case-fixtures';
import { problemText, refusalText } from '../support/catalogue-texts';
import { createApiApp, type ApiApp } from '../support/api-app';
import { FakeCaseWorkflows } from '../support/fake-case-workflows';
import { registerPoolExperts } from '../support/pool-experts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { domainText } from '../../src/domain/domain-text';

const COORDINATOR: Actor = { role: 'coordinator', id: 'c.jansen' };
const LEAD = randomUUID();
const SUPPORT = randomUUID();
// In the pool like LEAD and SUPPORT but on no case, so what keeps them out is need-to-know, not the guard.
const OUTSIDER = randomUUID();
const expert = (expertId: string): Actor => ({ role: 'expert', id: expertId });
const T = Date.parse('2027-03-01T09:00:00.000Z');
const at = (hours: number) => new Date(T + hours * 3_600_000).toISOString();
const SYSTEM: Actor = { role: 'system', id: 'test' };

describe('the cases HTTP API', () => {
  let db: TestDatabase;
  let app: ApiApp;
  let workflows: FakeCaseWorkflows;
  let eventStore: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The guard lets an expert in only when the pool knows them.
    await registerPoolExperts(db, { expertId: LEAD, name: 'Anouk de Vries' }, { expertId: SUPPORT, name: 'Bram Dekker' }, { expertId: OUTSIDER, name: 'Olga Buiten' });
    workflows = new FakeCaseWorkflows();
    eventStore = new PostgresEventStore(db.dataSource, db.keyStore);
    app = await createApiApp(db, { imports: [CasesModule], caseWorkflows: workflows });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /** Requests as an actor: the token names its role and subject, as a signed-in person's would. */
  const as = (actor: Actor) => app.as(actor.role as UserRole, actor.id);
  const coordinator = () => as(COORDINATOR);

  /**
   * A running case workflow whose live state is in preparation with a lead and a support expert, unless overridden;
   * its recorded history puts the same two experts on the team, which is what the API checks an expert against.
   */
  async function aRunningCase(overrides: Partial<CaseState> = {}): Promise<string> {
    const request = aSupportRequest();
    await recordCase(request, 'MEDIUM', [
      caseEvent('RequestAccepted', {}, COORDINATOR, at(1)),
      caseEvent('TeamAssembled', { members: [{ expertId: LEAD, name: 'Anouk de Vries', role: 'lead' }, { expertId: SUPPORT, name: 'Bram Dekker', role: 'support' }] }, SYSTEM, at(2)),
    ]);
    const opened = evolve(null, { ...caseEvent('RequestReceived', { request }, COORDINATOR, at(0)), caseId: request.caseId, version: 1 });
    workflows.running.set(request.caseId, {
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
    request: { category?: CaseCategory; municipalityCode?: string; safetyRegion?: SafetyRegion; riskLevel?: RiskLevel },
    ...events: NewCaseEvent[]
  ): Promise<string> {
    const { riskLevel = 'MEDIUM', ...fields } = request;
    const place = fields.municipalityCode
      && { municipality: municipalityRef(fields.municipalityCode).name, safetyRegion: safetyRegionOfMunicipality(fields.municipalityCode) };
    const supportRequest = aSupportRequest({ ...fields, ...place });
    await recordCase(supportRequest, riskLevel, events);
    return supportRequest.caseId;
  }

  async function recordCase(request: ReturnType<typeof aSupportRequest>, riskLevel: RiskLevel, events: NewCaseEvent[]): Promise<void> {
    await eventStore.append({
      caseId: request.caseId,
      expectedVersion: 0,
      idempotencyKey: `cases-api-test-${request.caseId}`,
      events: [
        caseEvent('RequestReceived', { request }, COORDINATOR, at(0)),
        caseEvent('IntakeAssessed', { riskLevel, score: 3, reasons: [domainText('risk.threats_received')] }, SYSTEM, at(0)),
        ...events,
      ],
    });
  }

  const fieldsOf = (body: { fields?: Array<{ field: string }> }) => (body.fields ?? []).map((problem) => problem.field);

  describe('every step of a case', () => {
    it.each([
      ['triage', '/triage', { decision: 'accept' }, COORDINATOR, 'triage', { decision: 'accept' }],
      ['accepting an offer', '/offers/offer-1-2/accept', {}, expert(LEAD), 'respondToOffer', { offerId: 'offer-1-2', response: 'accept' }],
      ['declining an offer with a reason', '/offers/offer-1-1/decline', { reason: 'Op vakantie' }, expert(SUPPORT), 'respondToOffer',
        { offerId: 'offer-1-1', response: 'decline', reason: 'Op vakantie' }],
      ['declining an offer without a reason', '/offers/offer-2-1/decline', {}, expert(SUPPORT), 'respondToOffer',
        { offerId: 'offer-2-1', response: 'decline' }],
      ['assigning an expert by hand', '/assignments', { expertId: SUPPORT, note: 'Kent de burgemeester' }, COORDINATOR, 'assignExpert',
        { expertId: SUPPORT, note: 'Kent de burgemeester' }],
      ['appointing a new lead, the id in capitals', '/lead', { expertId: SUPPORT.toUpperCase() }, COORDINATOR, 'appointLead', { expertId: SUPPORT }],
      ['passing a returned task on, the id in capitals', '/tasks/task-2/reassign', { expertId: SUPPORT.toUpperCase() }, COORDINATOR, 'reassignTask',
        { taskId: 'task-2', expertId: SUPPORT }],
      ['completing a returned task as the coordinator', '/tasks/task-2/complete', { outcome: 'Zelf gedaan' }, COORDINATOR, 'completeTask',
        { taskId: 'task-2', outcome: 'Zelf gedaan' }],
      ['scheduling the session', '/session', { scheduledAt: '2027-03-10T14:00:00Z' }, COORDINATOR, 'scheduleSession',
        { scheduledAt: '2027-03-10T14:00:00Z' }],
      ['recording the session as the lead', '/session/held', { outcomes: 'Draaiboek vastgesteld' }, expert(LEAD), 'holdSession',
        { outcomes: 'Draaiboek vastgesteld' }],
      ['recording the session as the coordinator', '/session/held', { outcomes: 'Draaiboek vastgesteld' }, COORDINATOR, 'holdSession',
        { outcomes: 'Draaiboek vastgesteld' }],
      ['completing a task', '/tasks/task-2/complete', { outcome: 'Risicoanalyse gedeeld' }, expert(SUPPORT), 'completeTask',
        { taskId: 'task-2', outcome: 'Risicoanalyse gedeeld' }],
      ['reporting on the intervention', '/intervention', { outcome: 'tense', notes: 'Luid maar beheerst' }, expert(LEAD), 'reportIntervention',
        { outcome: 'tense', notes: 'Luid maar beheerst' }],
      ['completing a follow-up', '/follow-ups/day-30', { ongoingRisk: false, notes: 'Rustig' }, expert(LEAD), 'completeFollowUp',
        { followUpId: 'day-30', ongoingRisk: false, notes: 'Rustig' }],
      ['acknowledging an escalation', '/escalations/esc-1/acknowledge', undefined, COORDINATOR, 'acknowledgeEscalation', { escalationId: 'esc-1' }],
      ['evaluating the case', '/evaluation', { summary: 'Goed voorbereid' }, COORDINATOR, 'evaluateCase', { summary: 'Goed voorbereid' }],
      ['closing the case', '/close', { summary: 'Afgerond' }, COORDINATOR, 'closeCase', { summary: 'Afgerond' }],
      ['cancelling the case', '/cancel', { reason: 'Bijeenkomst gaat niet door' }, COORDINATOR, 'cancelCase', { reason: 'Bijeenkomst gaat niet door' }],
    ])('sends %s to the workflow as an update carrying the token\'s actor, and answers 200 with the case state', async (_step, path, body, actor, name, input) => {
      const caseId = await aRunningCase();

      const response = await as(actor).post(`/cases/${caseId}${path}`).send(body).expect(200);

      expect(workflows.sentTo(caseId)).toStrictEqual([{ caseId, kind: 'update', name, input: { ...input, actor } }]);
      expect(response.body).toEqual(workflows.running.get(caseId));
    });
  });

  describe('bad input', () => {
    it.each([
      ['POST /triage', 'decision', '/triage', { decision: 'maybe' }, COORDINATOR],
      ['POST /offers/:offerId/accept', 'expertId', '/offers/offer-1-1/accept', { expertId: LEAD }, expert(LEAD)],
      ['POST /offers/:offerId/decline', 'reason', '/offers/offer-1-1/decline', { reason: '   ' }, expert(LEAD)],
      ['POST /offers/:offerId/decline', 'reason', '/offers/offer-1-1/decline', { reason: 'x'.repeat(2001) }, expert(LEAD)],
      ['POST /assignments', 'expertId', '/assignments', { expertId: '6f1c2f0e-8a5b-1c3d-9e7f-0a1b2c3d4e5f' }, COORDINATOR],
      ['POST /assignments', 'note', '/assignments', { expertId: LEAD, note: 42 }, COORDINATOR],
      ['POST /session', 'scheduledAt', '/session', { scheduledAt: 'next tuesday' }, COORDINATOR],
      ['POST /session', 'scheduledAt', '/session', { scheduledAt: '2027-03-10 14:00' }, COORDINATOR],
      ['POST /session/held', 'outcomes', '/session/held', {}, COORDINATOR],
      ['POST /session/held', 'expertId', '/session/held', { outcomes: 'Klaar', expertId: LEAD }, expert(LEAD)],
      ['POST /tasks/:taskId/complete', 'outcome', '/tasks/task-1/complete', { outcome: '' }, expert(LEAD)],
      ['POST /tasks/:taskId/complete', 'expertId', '/tasks/task-1/complete', { outcome: 'Klaar', expertId: SUPPORT }, expert(LEAD)],
      ['POST /intervention', 'outcome', '/intervention', { outcome: 'chaotic', notes: 'Veel lawaai' }, expert(LEAD)],
      ['POST /intervention', 'notes', '/intervention', { outcome: 'calm' }, expert(LEAD)],
      ['POST /follow-ups/:followUpId', 'ongoingRisk', '/follow-ups/day-7', { ongoingRisk: 'yes', notes: 'Onrustig' }, expert(LEAD)],
      ['POST /follow-ups/:followUpId', 'notes', '/follow-ups/day-7', { ongoingRisk: true, notes: 'x'.repeat(5001) }, expert(LEAD)],
      ['POST /risk', 'level', '/risk', { level: 'EXTREME', reason: 'Dreigbrief' }, COORDINATOR],
      ['POST /risk', 'reason', '/risk', { level: 'HIGH' }, COORDINATOR],
      ['POST /risk', 'expertId', '/risk', { level: 'HIGH', reason: 'Dreigbrief', expertId: SUPPORT }, COORDINATOR],
      ['POST /concerns', 'concern', '/concerns', { concern: ' ' }, expert(LEAD)],
      ['POST /concerns', 'expertId', '/concerns', { concern: 'Ik word gevolgd', expertId: SUPPORT }, expert(LEAD)],
      ['POST /evaluation', 'summary', '/evaluation', {}, COORDINATOR],
      ['POST /close', 'summary', '/close', { summary: 7 }, COORDINATOR],
      ['POST /cancel', 'reason', '/cancel', { reason: 'x'.repeat(2001) }, COORDINATOR],
      ['POST /cancel', 'by', '/cancel', { reason: 'Gaat niet door', by: 'mayor' }, COORDINATOR],
    ])('%s refuses a bad %s with a 400 that names it, and sends nothing', async (_route, field, path, body, actor) => {
      const caseId = await aRunningCase();

      const response = await as(actor).post(`/cases/${caseId}${path}`).send(body).expect(400);

      const named = (response.body.fields as Array<{ field: string; issues: Array<{ code: string; params: Record<string, string | number> }> }>)
        .find((problem) => problem.field === field);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'invalid_input', reason: { code: 'invalid_input' } });
      expect(named?.issues).toHaveLength(1);
      expect(response.body.message).toContain(problemText(field, named!.issues[0]));
      expect(workflows.sentTo(caseId)).toEqual([]);
    });

    it.each([
      ['/offers/:offerId/accept', 'offerId', {}, expert(LEAD)],
      ['/offers/:offerId/decline', 'offerId', {}, expert(LEAD)],
      ['/tasks/:taskId/complete', 'taskId', { outcome: 'Klaar' }, expert(LEAD)],
      ['/follow-ups/:followUpId', 'followUpId', { ongoingRisk: false, notes: 'Rustig' }, expert(LEAD)],
      ['/escalations/:escalationId/acknowledge', 'escalationId', undefined, COORDINATOR],
    ])('%s refuses a %s that is a path traversal, holds a space, is 200 characters long or in capitals, with a 400 that names it', async (template, param, body, actor) => {
      const caseId = await aRunningCase();

      for (const junk of ['..%2F..%2Fevents', 'task%201', 'a'.repeat(200), 'OFFER-1-1']) {
        const response = await as(actor).post(`/cases/${caseId}${template.replace(`:${param}`, junk)}`).send(body).expect(400);
        expect(fieldsOf(response.body)).toEqual([param]);
      }
      expect(workflows.sentTo(caseId)).toEqual([]);
    });

    it('refuses a case id that is not a version-4 UUID with 400, and sends nothing', async () => {
      const sentBefore = workflows.sent.length;

      await coordinator().post('/cases/not-a-uuid/cancel').send({ reason: 'Gaat niet door' }).expect(400);
      await coordinator().post('/cases/..%2F..%2Fhealth/risk').send({ level: 'HIGH', reason: 'Dreigbrief' }).expect(400);

      expect(workflows.sent).toHaveLength(sentBefore);
    });
  });

  describe('when the workflow refuses an update', () => {
    it.each([
      [CASE_FAILURE.notFound, 404, 'not_found'],
      [CASE_FAILURE.conflict, 409, 'conflict'],
      [CASE_FAILURE.invalidInput, 400, 'invalid_input'],
      [CASE_FAILURE.forbidden, 403, 'forbidden'],
    ])('answers an uncoded %s refusal (from a worker older than the codes) with %i and its message inside case_refused', async (type, status, code) => {
      const caseId = await aRunningCase();
      const message = `refused by the validator as ${type}`;
      workflows.decisionFailures.set(caseId, decisionFailure(caseId, new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type, message, nonRetryable: true }))));

      const response = await as(expert(LEAD)).post(`/cases/${caseId}/tasks/task-9/complete`).send({ outcome: 'Klaar' }).expect(status);

      expect(response.body).toEqual({
        statusCode: status, code, message: refusalText('case_refused', { because: message }), reason: { code: 'case_refused', params: { because: message } }, fields: [],
      });
    });

    it.each([
      [CASE_FAILURE.conflict, 409, 'the team is already complete', 'team_complete', {}, 'Het team is al compleet.', 'The team is already complete.'],
      [CASE_FAILURE.notFound, 404, 'task task-9 is not on this case', 'task_not_found', { taskId: 'task-9' },
        'Taak task-9 hoort niet bij deze zaak.', 'Task task-9 is not part of this case.'],
      [CASE_FAILURE.forbidden, 403, 'only the assigned expert may complete this task', 'task_not_yours', {},
        'Alleen de toegewezen expert mag deze taak afronden.', 'Only the assigned expert may complete this task.'],
      [CASE_FAILURE.conflict, 409, 'case is in stage Matching; completing a task is possible in Preparation only', 'wrong_stage',
        { stage: 'Matching', stages: 'Preparation' },
        'Dit kan nu niet: de zaak staat in de fase Koppeling experts, en dit kan alleen in de fase Voorbereiding.',
        'This cannot be done now: the case is in the stage Expert matching, and this is possible only in the stage Preparation.'],
    ])('answers a coded %s refusal with %i and the same code in Dutch and English', async (type, status, message, code, params, dutch, english) => {
      const caseId = await aRunningCase();
      const failure = ApplicationFailure.create({ type, message, nonRetryable: true, details: [{ code, params }] });
      workflows.decisionFailures.set(caseId, decisionFailure(caseId, new WorkflowUpdateFailedError('Workflow Update failed', failure)));
      const complete = (language: string) => as(expert(LEAD)).post(`/cases/${caseId}/tasks/task-9/complete`).set('Accept-Language', language)
        .send({ outcome: 'Klaar' }).expect(status);

      const inDutch = (await complete('nl')).body;
      const inEnglish = (await complete('en')).body;

      expect(inDutch).toEqual({ statusCode: status, code: expect.any(String), message: dutch, reason: { code, params }, fields: [] });
      expect(inEnglish).toEqual({ ...inDutch, message: english });
    });

    it('answers the workflow\'s refusal of a field as the validation pipe does: 400 naming the field by its label', async () => {
      const caseId = await aRunningCase();
      const failure = ApplicationFailure.create({
        type: CASE_FAILURE.invalidInput, message: 'scheduledAt must be in the future', nonRetryable: true,
        details: [{ code: 'invalid_input', params: {}, fields: [{ field: 'scheduledAt', issues: [{ code: 'not_in_future', params: {} }] }] }],
      });
      workflows.decisionFailures.set(caseId, decisionFailure(caseId, new WorkflowUpdateFailedError('Workflow Update failed', failure)));

      const response = await coordinator().post(`/cases/${caseId}/session`).send({ scheduledAt: '2027-01-18T10:00:00+01:00' }).expect(400);

      const issue = { code: 'not_in_future', params: {}, message: problemText('scheduledAt', { code: 'not_in_future' }) };
      expect(response.body).toEqual({
        statusCode: 400, code: 'invalid_input', message: issue.message, reason: { code: 'invalid_input', params: {} },
        fields: [{ field: 'scheduledAt', problems: [issue.message], issues: [issue] }],
      });
      expect(issue.message).toBe('Datum en tijd van de voorbereidende sessie moet in de toekomst liggen.');
    });

    it.each([
      ['an update the server aborted while it restarted', 10, 'Workflow Update was aborted.'],
      ['an update to a workflow not ready for one', 9, 'workflow is not ready to handle updates'],
    ])('answers %s with 503 and Retry-After: Temporal cannot take the update now', async (_case, code, details) => {
      const caseId = await aRunningCase();
      const grpcError = Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
      workflows.decisionFailures.set(caseId, decisionFailure(caseId, new ServiceError('Workflow Update failed', { cause: grpcError })));

      const response = await coordinator().post(`/cases/${caseId}/evaluation`).send({ summary: 'Goed' }).expect(503);

      expect(response.body).toEqual({ statusCode: 503, code: 'unavailable', message: refusalsNl.temporal_busy, reason: { code: 'temporal_busy', params: {} }, fields: [] });
      expect(response.headers['retry-after']).toBeDefined();
    });

    it('answers 404 for a step that is not on a recorded case, rather than calling the case finished', async () => {
      const caseId = await aRecordedCase({}, caseEvent('RequestAccepted', {}, COORDINATOR, at(1)),
        caseEvent('ExpertOffered', { offerId: 'offer-1-1', expertId: LEAD, expertName: 'Anouk', round: 1, expiresAt: at(72) }, SYSTEM, at(1)));
      workflows.running.set(caseId, null);
      const refusal = ApplicationFailure.create({
        type: CASE_FAILURE.notFound, message: 'offer offer-9-9 is not open on this case', nonRetryable: true,
        details: [{ code: 'offer_not_open', params: { offerId: 'offer-9-9' } }],
      });
      workflows.decisionFailures.set(caseId, decisionFailure(caseId, new WorkflowUpdateFailedError('Workflow Update failed', refusal)));

      const response = await as(expert(LEAD)).post(`/cases/${caseId}/offers/offer-9-9/accept`).send({}).expect(404);

      expect(response.body.reason).toEqual({ code: 'offer_not_open', params: { offerId: 'offer-9-9' } });
    });

    it('answers 404 for a case that was never registered', async () => {
      const caseId = randomUUID();

      const response = await coordinator().post(`/cases/${caseId}/evaluation`).send({ summary: 'Goed' }).expect(404);

      expect(response.body).toEqual({
        statusCode: 404, code: 'not_found', message: refusalText('case_not_found', { caseId }), reason: { code: 'case_not_found', params: { caseId } }, fields: [],
      });
    });

    it('answers 409 for a recorded case whose workflow has finished', async () => {
      const caseId = await aRecordedCase({}, caseEvent('CaseCancelled', { reason: 'Gaat niet door' }, COORDINATOR, at(1)));
      workflows.ended.add(caseId);

      const response = await coordinator().post(`/cases/${caseId}/evaluation`).send({ summary: 'Goed' }).expect(409);

      expect(response.body.reason).toEqual({ code: 'case_ended', params: { caseId } });
    });

    it('answers 500 for a failure that is not one of the case\'s refusals', async () => {
      const caseId = await aRunningCase();
      workflows.decisionFailures.set(caseId, decisionFailure(caseId, new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type: 'TypeError', message: 'boom' }))));

      const response = await coordinator().post(`/cases/${caseId}/evaluation`).send({ summary: 'Goed' }).expect(500);

      expect(response.body).toEqual({
        statusCode: 500, code: 'internal_error', message: refusalText('internal_error'), reason: { code: 'internal_error', params: {} }, fields: [],
      });
    });
  });

  describe('POST /cases/:id/risk', () => {
    it('signals the change as the coordinator and answers 202', async () => {
      const caseId = await aRunningCase();

      const response = await coordinator().post(`/cases/${caseId}/risk`).send({ level: 'HIGH', reason: 'Dreigbrief ontvangen' }).expect(202);

      expect(response.body).toEqual({ accepted: true });
      expect(workflows.sentTo(caseId)).toStrictEqual([{
        caseId, kind: 'signal', name: 'changeRisk', input: { level: 'HIGH', reason: 'Dreigbrief ontvangen', actor: COORDINATOR },
      }]);
    });

    it('signals the change as an expert on the team when the token is theirs', async () => {
      const caseId = await aRunningCase();

      await as(expert(SUPPORT)).post(`/cases/${caseId}/risk`).send({ level: 'LOW', reason: 'De-escalatie gelukt' }).expect(202);

      expect(workflows.sentTo(caseId).map((message) => message.input)).toEqual([{ level: 'LOW', reason: 'De-escalatie gelukt', actor: expert(SUPPORT) }]);
    });

    it('answers 404 for a case that does not exist, and sends nothing', async () => {
      const caseId = randomUUID();

      await coordinator().post(`/cases/${caseId}/risk`).send({ level: 'HIGH', reason: 'Dreigbrief' }).expect(404);

      expect(workflows.sentTo(caseId)).toEqual([]);
    });

    it.each(['Closed', 'Rejected', 'Cancelled'] as const)('answers 409 for a case that is %s, and sends nothing', async (stage) => {
      const caseId = await aRunningCase({ stage });

      const response = await coordinator().post(`/cases/${caseId}/risk`).send({ level: 'HIGH', reason: 'Dreigbrief' }).expect(409);

      expect(response.body.reason).toEqual({ code: 'case_ended', params: { caseId, stage } });
      expect(response.body.message).toBe(refusalText('case_ended', { caseId }));
      expect(workflows.sentTo(caseId)).toEqual([]);
    });

    it('answers 409 for a recorded case whose workflow has finished', async () => {
      const caseId = await aRecordedCase({}, caseEvent('RequestRejected', { reason: 'Geen rol voor de brigade' }, COORDINATOR, at(1)));
      workflows.ended.add(caseId);

      await coordinator().post(`/cases/${caseId}/risk`).send({ level: 'HIGH', reason: 'Dreigbrief' }).expect(409);
    });

    it('answers 409 for a level the case already has, which the workflow would ignore, and sends nothing', async () => {
      const caseId = await aRunningCase();

      const response = await coordinator().post(`/cases/${caseId}/risk`).send({ level: 'MEDIUM', reason: 'Dreigbrief' }).expect(409);

      expect(response.body.reason).toEqual({ code: 'risk_unchanged', params: { caseId, riskLevel: 'MEDIUM' } });
      expect(response.body.message).toBe('Het risiconiveau van deze zaak is al middel.');
      expect(workflows.sentTo(caseId)).toEqual([]);
    });

    it('answers an expert who is not on the team as if the case did not exist, and sends nothing', async () => {
      const caseId = await aRunningCase();

      const response = await as(expert(OUTSIDER)).post(`/cases/${caseId}/risk`).send({ level: 'HIGH', reason: 'Dreigbrief' }).expect(404);

      expect(response.body.reason).toEqual({ code: 'case_not_found', params: { caseId } });
      expect(workflows.sentTo(caseId)).toEqual([]);
    });

    it('answers 409 while the case is still being registered', async () => {
      const caseId = randomUUID();
      workflows.running.set(caseId, null);

      await coordinator().post(`/cases/${caseId}/risk`).send({ level: 'HIGH', reason: 'Dreigbrief' }).expect(409);

      expect(workflows.sentTo(caseId)).toEqual([]);
    });
  });

  describe('POST /cases/:id/concerns', () => {
    it('signals the concern as the expert and answers 202', async () => {
      const caseId = await aRunningCase();

      const response = await as(expert(SUPPORT)).post(`/cases/${caseId}/concerns`).send({ concern: 'De wethouder wordt gevolgd' }).expect(202);

      expect(response.body).toEqual({ accepted: true });
      expect(workflows.sentTo(caseId)).toStrictEqual([{
        caseId, kind: 'signal', name: 'raiseConcern', input: { concern: 'De wethouder wordt gevolgd', actor: expert(SUPPORT) },
      }]);
    });

    it('answers an expert who is not on the team as if the case did not exist, and sends nothing', async () => {
      const caseId = await aRunningCase();

      const response = await as(expert(OUTSIDER)).post(`/cases/${caseId}/concerns`).send({ concern: 'Ik maak me zorgen' }).expect(404);

      expect(response.body.reason).toEqual({ code: 'case_not_found', params: { caseId } });
      expect(workflows.sentTo(caseId)).toEqual([]);
    });

    it('answers 404 for a case that does not exist and 409 for a closed one', async () => {
      const closed = await aRunningCase({ stage: 'Closed' });

      await as(expert(LEAD)).post(`/cases/${randomUUID()}/concerns`).send({ concern: 'Zorgen' }).expect(404);
      const refused = await as(expert(LEAD)).post(`/cases/${closed}/concerns`).send({ concern: 'Zorgen' }).expect(409);

      expect(refused.body.reason).toEqual({ code: 'case_ended', params: { caseId: closed, stage: 'Closed' } });

      expect(workflows.sentTo(closed)).toEqual([]);
    });
  });

  describe('POST /cases/:id/assignments and the matching rules', () => {
    // Pool experts live in Zutphen (GM0301).
    const aZutphenCase = async () => {
      const caseId = await aRecordedCase({ municipalityCode: 'GM0301' }, caseEvent('RequestAccepted', {}, COORDINATOR, at(1)));
      const opened = await aRunningCase();
      workflows.running.set(caseId, { ...workflows.running.get(opened)!, caseId, stage: 'Matching', team: [] });
      return caseId;
    };

    it('refuses an expert who lives in the case\'s municipality with 409 and the conflict\'s code, and sends nothing', async () => {
      const caseId = await aZutphenCase();

      const response = await coordinator().post(`/cases/${caseId}/assignments`).send({ expertId: SUPPORT }).expect(409);

      expect(response.body).toMatchObject({
        statusCode: 409, code: 'conflict_of_interest_own_municipality', reason: { code: 'conflict_of_interest_own_municipality', params: { expertId: SUPPORT } },
        message: refusalText('conflict_of_interest_own_municipality', { expertId: SUPPORT }),
      });
      expect(workflows.sentTo(caseId)).toEqual([]);
    });

    it('sends an override with its reason to the workflow', async () => {
      const caseId = await aZutphenCase();

      await coordinator().post(`/cases/${caseId}/assignments`).send({ expertId: SUPPORT, override: { reason: 'Verhuist volgende maand' } }).expect(200);

      expect(workflows.sentTo(caseId).map((message) => message.input)).toEqual([{ expertId: SUPPORT, override: { reason: 'Verhuist volgende maand' }, actor: COORDINATOR }]);
    });

    it('trims white space and invisible characters from both ends of an override reason and a note before the workflow has them', async () => {
      const caseId = await aZutphenCase();

      await coordinator().post(`/cases/${caseId}/assignments`)
        .send({ expertId: SUPPORT, note: '\u200b Via de burgemeester\u2060 ', override: { reason: '  Moved away \u200b ' } }).expect(200);

      expect(workflows.sentTo(caseId).map((message) => message.input))
        .toEqual([{ expertId: SUPPORT, note: 'Via de burgemeester', override: { reason: 'Moved away' }, actor: COORDINATOR }]);
    });

    it.each([
      ['/cancel', { reason: '\ufeffDubbel aangemeld\u200b' }, { reason: 'Dubbel aangemeld' }],
      ['/offers/offer-1-1/decline', { reason: ' Op vakantie\u200b\u00a0' }, { offerId: 'offer-1-1', response: 'decline', reason: 'Op vakantie' }],
    ])('trims free text at both ends on %s too', async (path, body, sent) => {
      const caseId = await aRunningCase({ stage: 'Matching', offers: [{ offerId: 'offer-1-1', expertId: SUPPORT, status: 'pending', offeredAt: at(1), expiresAt: at(9), round: 1 }] } as Partial<CaseState>);

      await as(path === '/cancel' ? COORDINATOR : expert(SUPPORT)).post(`/cases/${caseId}${path}`).send(body).expect((response) => expect(response.status).toBeLessThan(300));

      expect(workflows.sentTo(caseId).map((message) => message.input)).toEqual([expect.objectContaining(sent)]);
    });

    it('refuses an override for an expert without a conflict with 409 no_conflict_to_override, and sends nothing', async () => {
      const caseId = await aRecordedCase({ municipalityCode: 'GM0637' }, caseEvent('RequestAccepted', {}, COORDINATOR, at(1)));
      const opened = await aRunningCase();
      workflows.running.set(caseId, { ...workflows.running.get(opened)!, caseId, stage: 'Matching', team: [] });

      const response = await coordinator().post(`/cases/${caseId}/assignments`).set('Accept-Language', 'nl')
        .send({ expertId: SUPPORT, override: { reason: 'Verhuist volgende maand' } }).expect(409);

      expect(response.body).toEqual({
        statusCode: 409, code: 'no_conflict_to_override', reason: { code: 'no_conflict_to_override', params: { expertId: SUPPORT } },
        message: refusalText('no_conflict_to_override', { expertId: SUPPORT }), fields: [],
      });
      expect(workflows.sentTo(caseId)).toEqual([]);
      await coordinator().post(`/cases/${caseId}/assignments`).send({ expertId: SUPPORT }).expect(200);
    });

    it.each([['blank', { reason: ' \u200b ' }], ['too long', { reason: 'x'.repeat(1001) }], ['missing', {}], ['not an object', 'ja']])(
      'refuses an override whose reason is %s with a 400 that names override.reason', async (_problem, override) => {
        const caseId = await aZutphenCase();

        const response = await coordinator().post(`/cases/${caseId}/assignments`).send({ expertId: SUPPORT, override }).expect(400);

        expect(response.body).toMatchObject({ statusCode: 400, code: 'invalid_input' });
        expect(fieldsOf(response.body).some((field) => field.startsWith('override'))).toBe(true);
        expect(workflows.sentTo(caseId)).toEqual([]);
      });

    it('answers 409 with the code when the workflow finds a conflict the API did not see', async () => {
      const caseId = await aRunningCase();
      const message = `expert ${SUPPORT} may not work on this case: declared a conflict of interest; a coordinator may override this with a reason`;
      workflows.decisionFailures.set(caseId, decisionFailure(caseId, new WorkflowUpdateFailedError('Workflow Update failed',
        ApplicationFailure.create({
          type: CASE_FAILURE.conflict, message, nonRetryable: true, details: [{ code: 'conflict_of_interest_declared', params: { expertId: SUPPORT } }],
        }))));

      const response = await coordinator().post(`/cases/${caseId}/assignments`).send({ expertId: SUPPORT }).expect(409);

      expect(response.body).toEqual({
        statusCode: 409, code: 'conflict_of_interest_declared', message: refusalText('conflict_of_interest_declared', { expertId: SUPPORT }),
        reason: { code: 'conflict_of_interest_declared', params: { expertId: SUPPORT } }, fields: [],
      });
    });

    it('answers 200 with the case state and the warnings the workflow recorded', async () => {
      const caseId = await aRunningCase();
      const assigned: AssignedCase = { ...workflows.running.get(caseId)!, warnings: ['lacks_category', 'over_capacity'] };
      workflows.running.set(caseId, assigned);

      const response = await coordinator().post(`/cases/${caseId}/assignments`).send({ expertId: SUPPORT }).expect(200);

      expect(response.body).toEqual(assigned);
      expect(response.body.warnings).toEqual(['lacks_category', 'over_capacity']);
    });
  });

  describe('POST /cases/:id/assignments while the expert is being deactivated', () => {
    it('answers 409 and tells the case to take the expert off again when the pool says they are inactive by now', async () => {
      const caseId = await aRunningCase();
      const leaving = randomUUID();
      await registerPoolExperts(db, { expertId: leaving, name: 'Vera Vertrokken' });
      // The deactivation committed while the assignment was on its way to the workflow.
      await db.sql('UPDATE experts SET active = false WHERE expert_id = $1', [leaving]);

      const response = await as(COORDINATOR).post(`/cases/${caseId}/assignments`).send({ expertId: leaving }).expect(409);

      expect(response.body.reason).toEqual({ code: 'expert_deactivated_during_assignment', params: { expertId: expect.any(String) } });
      expect(workflows.sentTo(caseId).map((message) => [message.kind, message.name, message.input])).toEqual([
        ['update', 'assignExpert', { expertId: leaving, actor: COORDINATOR }],
        ['signal', 'expertDeactivated', { expertId: leaving, actor: COORDINATOR }],
      ]);
    });
  });

  describe('need-to-know for experts', () => {
    /** A case in preparation with LEAD on the team, a task for LEAD, and an open offer to SUPPORT. */
    async function aCaseOfTwoExperts(): Promise<string> {
      const caseId = await aRecordedCase({}, caseEvent('RequestAccepted', {}, COORDINATOR, at(1)),
        caseEvent('ExpertOffered', { offerId: 'offer-1-1', expertId: LEAD, expertName: 'Anouk', round: 1, expiresAt: at(72) }, SYSTEM, at(1)),
        caseEvent('ExpertOffered', { offerId: 'offer-1-2', expertId: SUPPORT, expertName: 'Bram', round: 1, expiresAt: at(72) }, SYSTEM, at(1)),
        caseEvent('OfferAccepted', { offerId: 'offer-1-1', expertId: LEAD }, expert(LEAD), at(2)),
        caseEvent('TaskAssigned', { taskId: 'task-1', templateId: 'risk-analysis', title: domainText('task.risk_analysis'), assigneeId: LEAD, dueAt: at(48) }, SYSTEM, at(2)));
      const recorded = (await db.sql<{ state: CaseState }>('SELECT state FROM cases WHERE case_id = $1', [caseId]))[0].state;
      workflows.running.set(caseId, recorded);
      return caseId;
    }

    it('shows a case to the experts on it or offered it, and to nobody else, as if it did not exist', async () => {
      const caseId = await aCaseOfTwoExperts();

      await as(expert(LEAD)).get(`/cases/${caseId}`).expect(200);
      await as(expert(SUPPORT)).get(`/cases/${caseId}`).expect(200);
      const outsider = await as(expert(OUTSIDER)).get(`/cases/${caseId}`).expect(404);
      const missing = await as(expert(OUTSIDER)).get(`/cases/${randomUUID()}`).expect(404);

      expect(outsider.body.reason).toEqual({ code: 'case_not_found', params: { caseId } });
      expect(Object.keys(outsider.body)).toEqual(Object.keys(missing.body));
    });

    it('shows the request, office holder included, to the team and the coordinator, redacted to an expert only offered the case', async () => {
      const request = aSupportRequest({
        description: 'Wethouder wordt bedreigd', officeHolder: { name: 'J. de Boer', office: 'wethouder wonen', details: 'Dreigbrief thuis' },
      });
      await recordCase(request, 'HIGH', [
        caseEvent('RequestAccepted', {}, COORDINATOR, at(1)),
        caseEvent('ExpertOffered', { offerId: 'offer-1-1', expertId: LEAD, expertName: 'Anouk', round: 1, expiresAt: at(72) }, SYSTEM, at(1)),
        caseEvent('ExpertOffered', { offerId: 'offer-1-2', expertId: SUPPORT, expertName: 'Bram', round: 1, expiresAt: at(72) }, SYSTEM, at(1)),
        caseEvent('OfferAccepted', { offerId: 'offer-1-1', expertId: LEAD }, expert(LEAD), at(2)),
      ]);
      const path = `/cases/${request.caseId}/request`;

      const byLead = (await as(expert(LEAD)).get(path).expect(200)).body;
      const byCoordinator = (await coordinator().get(path).expect(200)).body;
      const byOffered = (await as(expert(SUPPORT)).get(path).expect(200)).body;
      await as(expert(OUTSIDER)).get(path).expect(404);

      expect(byLead).toEqual({ caseId: request.caseId, request });
      expect(byCoordinator).toEqual(byLead);
      expect(byOffered.request).toMatchObject({
        municipality: request.municipality, description: '[redacted]', officeHolder: { name: '[redacted]', office: '[redacted]', details: '[redacted]' },
      });
    });

    it.each([
      ['accept another expert\'s offer', expert(LEAD), '/offers/offer-1-2/accept', {}, 'offer_not_found'],
      ['decline another expert\'s offer', expert(LEAD), '/offers/offer-1-2/decline', { reason: 'Nee' }, 'offer_not_found'],
      ['report on a case they are not on', expert(OUTSIDER), '/intervention', { outcome: 'calm', notes: 'Rustig' }, 'case_not_found'],
      ['complete a follow-up of a case they are not on', expert(OUTSIDER), '/follow-ups/day-7', { ongoingRisk: false, notes: 'Rustig' }, 'case_not_found'],
      ['record the session of a case they are not on', expert(OUTSIDER), '/session/held', { outcomes: 'Klaar' }, 'case_not_found'],
      ['accept an offer on a case they are not on', expert(OUTSIDER), '/offers/offer-1-2/accept', {}, 'case_not_found'],
    ])('an expert cannot %s: 404, and nothing reaches the workflow', async (_what, actor, path, body, code) => {
      const caseId = await aCaseOfTwoExperts();

      const response = await as(actor).post(`/cases/${caseId}${path}`).send(body).expect(404);

      expect(response.body.reason.code).toBe(code);
      expect(workflows.sentTo(caseId)).toEqual([]);
    });

    it.each([
      ['nl', 'Alleen de toegewezen expert mag deze taak afronden.'],
      ['en', 'Only the assigned expert may complete this task.'],
    ])('a teammate who completes another\'s task gets 403 task_not_yours (%s), and nothing reaches the workflow', async (language, message) => {
      const caseId = await aCaseOfTwoExperts();

      const response = await as(expert(SUPPORT)).post(`/cases/${caseId}/tasks/task-1/complete`).set('Accept-Language', language).send({ outcome: 'Gedaan' }).expect(403);

      expect(response.body).toEqual({ statusCode: 403, code: 'forbidden', message, reason: { code: 'task_not_yours', params: { taskId: 'task-1', caseId } }, fields: [] });
      expect(workflows.sentTo(caseId)).toEqual([]);
    });

    it.each([
      ['a coordinator', COORDINATOR, '/offers/offer-1-1/accept', {}],
      ['an auditor', { role: 'auditor', id: 'a.visser' } as Actor, '/tasks/task-1/complete', { outcome: 'Gedaan' }],
      ['an expert', expert(LEAD), '/triage', { decision: 'accept' }],
      ['an auditor', { role: 'auditor', id: 'a.visser' } as Actor, '/cancel', { reason: 'Mag niet' }],
    ])('%s cannot take a step of another role: 403 naming the roles, and nothing reaches the workflow', async (_who, actor, path, body) => {
      const caseId = await aCaseOfTwoExperts();

      const response = await as(actor).post(`/cases/${caseId}${path}`).send(body).expect(403);

      expect(response.body).toMatchObject({
        statusCode: 403, code: 'forbidden', reason: { code: 'role_not_allowed', params: { role: actor.role, route: expect.stringMatching(/^POST /) } },
      });
      expect(workflows.sentTo(caseId)).toEqual([]);
    });
  });

  describe("the domain texts of a case, in the reader's language", () => {
    it('gives the same codes for Accept-Language en and nl, each with its text in that language', async () => {
      const caseId = await aRecordedCase({}, caseEvent('RequestAccepted', {}, COORDINATOR, at(1)),
        caseEvent('RiskLevelChanged', { from: 'MEDIUM', to: 'HIGH', reason: domainText('risk.expected_attendance', { count: 250 }) }, SYSTEM, at(1)),
        caseEvent('TaskAssigned', { taskId: 'task-1', templateId: 'threat-assessment', title: domainText('task.threat_assessment'), assigneeId: LEAD, dueAt: at(48) }, SYSTEM, at(2)));
      workflows.running.set(caseId, (await db.sql<{ state: CaseState }>('SELECT state FROM cases WHERE case_id = $1', [caseId]))[0].state);
      const texts = (body: { recorded: CaseState }) => ({ riskReasons: body.recorded.riskReasons, title: body.recorded.tasks[0].title });

      const english = texts((await as(COORDINATOR).get(`/cases/${caseId}`).set('Accept-Language', 'en-GB,en;q=0.9').expect(200)).body);
      const dutch = texts((await as(COORDINATOR).get(`/cases/${caseId}`).set('Accept-Language', 'nl').expect(200)).body);
      const unspecified = texts((await as(COORDINATOR).get(`/cases/${caseId}`).expect(200)).body);

      expect(english).toEqual({
        riskReasons: [
          { code: 'risk.threats_received', text: 'threats have been received' },
          { code: 'risk.expected_attendance', params: { count: 250 }, text: '250 people expected' },
        ],
        title: { code: 'task.threat_assessment', text: 'Threat assessment with police' },
      });
      expect(dutch).toEqual({
        riskReasons: [
          { code: 'risk.threats_received', text: 'er zijn bedreigingen ontvangen' },
          { code: 'risk.expected_attendance', params: { count: 250 }, text: '250 mensen verwacht' },
        ],
        title: { code: 'task.threat_assessment', text: 'Dreigingsinschatting met de politie' },
      });
      expect(unspecified).toEqual(dutch);
    });

    it.each([
      ['en;q=0', 'nl'], ['en;q=abc', 'nl'], ['*', 'nl'], ['nl;q=0.1, en;q=0.9', 'en'], ['fr, en;q=0.5', 'en'],
    ])('renders them for Accept-Language %j in the language its weights choose (%s), as the error messages are', async (header, language) => {
      const caseId = await aRecordedCase({}, caseEvent('RequestAccepted', {}, COORDINATOR, at(1)),
        caseEvent('TaskAssigned', { taskId: 'task-1', templateId: 'threat-assessment', title: domainText('task.threat_assessment'), assigneeId: LEAD, dueAt: at(48) }, SYSTEM, at(2)));
      workflows.running.delete(caseId);

      const { body } = await as(COORDINATOR).get(`/cases/${caseId}`).set('Accept-Language', header).expect(200);
      const refused = await as(COORDINATOR).get(`/cases/${randomUUID()}`).set('Accept-Language', header).expect(404);

      const expected = { nl: ['Dreigingsinschatting met de politie', /bestaat niet/], en: ['Threat assessment with police', /does not exist/] }[language]!;
      expect(body.recorded.tasks[0].title.text).toBe(expected[0]);
      expect(refused.body.message).toMatch(expected[1]);
    });

    it('reads a read-model row folded before texts were coded as codes, with the texts', async () => {
      const caseId = await aRecordedCase({}, caseEvent('RequestAccepted', {}, COORDINATOR, at(1)));
      // A row as an older release wrote it; the stored events are not touched.
      await db.sql(`UPDATE cases SET state = jsonb_set(state, '{riskReasons}', '["250 people expected", "a letter at home"]') WHERE case_id = $1`, [caseId]);
      workflows.running.delete(caseId);

      const { body } = await as(COORDINATOR).get(`/cases/${caseId}`).set('Accept-Language', 'en').expect(200);

      expect(body.recorded.riskReasons).toEqual([
        { code: 'risk.expected_attendance', params: { count: 250 }, text: '250 people expected' },
        { code: 'literal', params: { text: 'a letter at home' }, text: 'a letter at home' },
      ]);
    });
  });

  describe('POST /cases', () => {
    it.each([
      ['GM0796', "'s-Hertogenbosch", 'brabant-noord'], ['GM0820', 'Nuenen, Gerwen en Nederwetten', 'brabant-zuidoost'],
      ['GM0373', 'Bergen (NH.)', 'noord-holland-noord'], ['GM1900', 'Súdwest-Fryslân', 'fryslan'],
    ])('registers a request from %s with its name and region from the register', async (municipalityCode, municipality, safetyRegion) => {
      const body = { category: 'CITIZEN_MEETING', municipalityCode, requesterRole: 'mayor', description: 'Inspraakavond', indicators: {} };

      const response = await coordinator().post('/cases').send(body).expect(201);

      const started = workflows.started.find((start) => start.caseId === response.body.caseId);
      expect(started?.input).toEqual(expect.objectContaining({
        request: expect.objectContaining({ municipalityCode, municipality, safetyRegion }), registeredBy: COORDINATOR,
      }));
    });

    it('accepts the safety region when it is the municipality\'s own', async () => {
      await coordinator().post('/cases').send({
        category: 'INCIDENT', municipalityCode: 'GM0301', safetyRegion: 'noord-en-oost-gelderland', requesterRole: 'mayor', description: 'x', indicators: {},
      }).expect(201);
    });

    it('refuses a safety region that is not the municipality\'s own with a 400 that names it, and starts nothing', async () => {
      const startedBefore = workflows.started.length;

      const response = await coordinator().post('/cases').send({
        category: 'INCIDENT', municipalityCode: 'GM0301', safetyRegion: 'haaglanden', requesterRole: 'mayor', description: 'x', indicators: {},
      }).expect(400);

      expect(fieldsOf(response.body)).toEqual(['safetyRegion']);
      expect(workflows.started).toHaveLength(startedBefore);
    });

    it('refuses a description of only white space with a 400 that names it, and starts nothing', async () => {
      const startedBefore = workflows.started.length;

      const response = await coordinator().post('/cases').send({
        category: 'INCIDENT', municipalityCode: 'GM0983', requesterRole: 'mayor', description: ' \n\t ', indicators: {},
      }).expect(400);

      expect(fieldsOf(response.body)).toEqual(['description']);
      expect(workflows.started).toHaveLength(startedBefore);
    });

    it.each([
      ['a name in place of the code', { municipalityCode: 'Zutphen' }],
      ['a look-alike name, "Zutphеn" with a Cyrillic е', { municipalityCode: 'Zutph\u0435n' }],
      ['a code no municipality has', { municipalityCode: 'GM9999' }],
      ['markup', { municipalityCode: '<script>' }],
      ['no code, only the old free-text field', { municipality: 'Zutphen' }],
    ])('refuses %s with a 400 that names municipalityCode, and starts nothing', async (_what, place) => {
      const startedBefore = workflows.started.length;

      const response = await coordinator().post('/cases').send({
        category: 'INCIDENT', ...place, requesterRole: 'mayor', description: 'x', indicators: {},
      }).expect(400);

      expect(fieldsOf(response.body)).toContain('municipalityCode');
      expect(workflows.started).toHaveLength(startedBefore);
    });
  });

  describe('GET /cases/:id', () => {
    it('answers 503 with Retry-After when the worker cannot run the workflow to answer the query right now', async () => {
      const caseId = await aRunningCase();
      workflows.queryFailures.set(caseId, queryFailure(new QueryNotRegisteredError('Fatal error in workflow machines: …', 1)));

      const response = await coordinator().get(`/cases/${caseId}`).expect(503);

      expect(response.body).toEqual({ statusCode: 503, code: 'unavailable', message: refusalsNl.temporal_busy, reason: { code: 'temporal_busy', params: {} }, fields: [] });
      expect(response.headers['retry-after']).toBeDefined();
    });

    it('answers 503 with Retry-After while the case\'s last workflow task has failed and waits for its retry', async () => {
      const caseId = await aRunningCase();
      const details = 'Unable to query workflow due to Workflow Task in failed state.';
      const grpcError = Object.assign(new Error(`9 FAILED_PRECONDITION: ${details}`), { code: 9, details, metadata: {} });
      workflows.queryFailures.set(caseId, queryFailure(new ServiceError('Failed to query Workflow', { cause: grpcError })));

      const response = await coordinator().get(`/cases/${caseId}`).expect(503);

      expect(response.body).toEqual({ statusCode: 503, code: 'unavailable', message: refusalsNl.temporal_busy, reason: { code: 'temporal_busy', params: {} }, fields: [] });
      expect(response.headers['retry-after']).toBeDefined();
    });

    it('shows the live state of a running case, and answers 404 for an unknown one', async () => {
      const caseId = await aRunningCase();

      const response = await coordinator().get(`/cases/${caseId}`).expect(200);

      expect(response.body).toEqual({ caseId, recorded: expect.objectContaining({ caseId, stage: 'Preparation', version: 4 }), live: workflows.running.get(caseId) });
      await coordinator().get(`/cases/${randomUUID()}`).expect(404);
    });

    it('shows an ended case\'s last recorded state as the live one without asking the workflow, which would replay its whole history', async () => {
      const caseId = await aRecordedCase({}, caseEvent('RequestRejected', { reason: 'Buiten het werkterrein van de brigade' }, COORDINATOR, at(1)));
      // Any question to the workflow fails loudly, so a page that still asks cannot pass.
      workflows.queryFailures.set(caseId, new Error('the workflow of an ended case was asked for its state'));

      const response = await coordinator().get(`/cases/${caseId}`).expect(200);

      expect(response.body.recorded).toMatchObject({ caseId, stage: 'Rejected', version: 3 });
      expect(response.body.live).toEqual(response.body.recorded);
    });
  });

  describe('GET /cases', () => {
    // Zeeland is kept for these tests alone, so that every query below sees only these cases.
    const cases: Record<string, string> = {};
    let hertogenbosch: string;

    beforeAll(async () => {
      cases.triage = await aRecordedCase({ category: 'CITIZEN_MEETING', municipalityCode: 'GM0664' });
      cases.matching = await aRecordedCase({ category: 'SHELTER_SUPPORT', municipalityCode: 'GM0687', riskLevel: 'HIGH' },
        caseEvent('RequestAccepted', {}, COORDINATOR, at(1)),
        caseEvent('ExpertOffered', { offerId: 'offer-1-1', expertId: LEAD, expertName: 'Anouk', round: 1, expiresAt: at(72) }, SYSTEM, at(1)),
        caseEvent('ExpertOffered', { offerId: 'offer-1-2', expertId: SUPPORT, expertName: 'Bram', round: 1, expiresAt: at(48) }, SYSTEM, at(1)),
        escalationRaised('esc-1', at(120)));
      cases.preparation = await aRecordedCase({ category: 'INCIDENT', municipalityCode: 'GM0718', riskLevel: 'HIGH' },
        caseEvent('RequestAccepted', {}, COORDINATOR, at(1)),
        caseEvent('TeamAssembled', { members: [{ expertId: LEAD, name: 'Anouk', role: 'lead' }] }, SYSTEM, at(2)),
        taskAssigned('task-1', at(3)),
        caseEvent('TaskCompleted', { taskId: 'task-1', outcome: 'Klaar' }, expert(LEAD), at(3)),
        taskAssigned('task-2', at(96)),
        escalationRaised('esc-1', at(24)));
      cases.followUp = await aRecordedCase({ category: 'THREAT_TO_OFFICIAL', municipalityCode: 'GM0664', riskLevel: 'CRITICAL' },
        taskAssigned('task-1', at(2)),
        caseEvent('TaskWithdrawn', { taskId: 'task-1', reason: domainText('reason.session_held_without_task') }, SYSTEM, at(3)),
        caseEvent('FollowUpScheduled', { followUpId: 'day-7', dueAt: at(-24) }, SYSTEM, at(3)),
        caseEvent('FollowUpScheduled', { followUpId: 'day-30', dueAt: at(480) }, SYSTEM, at(3)),
        caseEvent('FollowUpCompleted', { followUpId: 'day-7', ongoingRisk: false, notes: 'Rustig' }, expert(LEAD), at(4)));
      cases.cancelled = await aRecordedCase({ category: 'CITIZEN_MEETING', municipalityCode: 'GM0664', riskLevel: 'LOW' },
        caseEvent('FollowUpScheduled', { followUpId: 'day-7', dueAt: at(24) }, SYSTEM, at(3)),
        caseEvent('CaseCancelled', { reason: 'Gaat niet door' }, COORDINATOR, at(4)));
      hertogenbosch = await aRecordedCase({ municipalityCode: 'GM0796' });
    });

    function escalationRaised(escalationId: string, ackDeadline: string): NewCaseEvent {
      return caseEvent('EscalationRaised', {
        escalationId, trigger: 'missedDeadline', subject: escalationId, reason: domainText('escalation.triage_overdue'), level: 1, target: 'dutyCoordinator', ackDeadline,
      }, SYSTEM, at(1));
    }

    function taskAssigned(taskId: string, dueAt: string): NewCaseEvent {
      return caseEvent('TaskAssigned', { taskId, templateId: 'risk-analysis', title: domainText('task.risk_analysis'), assigneeId: LEAD, dueAt }, SYSTEM, at(2));
    }

    const idsOf = (body: { items: Array<{ caseId: string }> }) => body.items.map((item) => item.caseId);

    it('lists the most recently changed cases first, a page at a time, with the total', async () => {
      const pages = [];
      for (const page of [1, 2, 3, 4]) pages.push((await coordinator().get('/cases').query({ region: 'zeeland', pageSize: 2, page }).expect(200)).body);

      expect(pages.map(idsOf)).toEqual([
        [cases.cancelled, cases.followUp], [cases.preparation, cases.matching], [cases.triage], [],
      ]);
      expect(pages.map(({ total, page, pageSize }) => ({ total, page, pageSize }))).toEqual([1, 2, 3, 4].map((page) => ({ total: 5, page, pageSize: 2 })));
    });

    it('shows each case\'s list fields, read from the cases table', async () => {
      const [row] = await db.sql<{ updated_at: Date }>('SELECT updated_at FROM cases WHERE case_id = $1', [cases.matching]);

      const response = await coordinator().get('/cases').query({ region: 'zeeland', stage: 'Matching' }).expect(200);

      expect(response.body).toEqual({
        items: [{
          caseId: cases.matching, stage: 'Matching', riskLevel: 'HIGH', category: 'SHELTER_SUPPORT', municipalityCode: 'GM0687', municipality: 'Middelburg (Z.)',
          safetyRegion: 'zeeland', version: 6, updatedAt: row.updated_at.toISOString(),
          nextDeadline: { at: at(48), kind: 'offer', id: 'offer-1-2' }, openEscalations: 1, failedNotifications: 0,
        }],
        total: 1, page: 1, pageSize: 20,
      });
    });

    it('gives the triage deadline, or the earliest open offer, task, escalation or follow-up, as the next deadline, and none for an ended case', async () => {
      const response = await coordinator().get('/cases').query({ region: 'zeeland' }).expect(200);
      const deadlines = Object.fromEntries(response.body.items.map((item: { caseId: string; nextDeadline: unknown }) => [item.caseId, item.nextDeadline]));

      expect(deadlines).toEqual({
        // Assessed as MEDIUM at hour 0: a day to decide.
        [cases.triage]: { at: at(24), kind: 'triage', id: cases.triage },
        [cases.matching]: { at: at(48), kind: 'offer', id: 'offer-1-2' },
        [cases.preparation]: { at: at(24), kind: 'escalation', id: 'esc-1' },
        [cases.followUp]: { at: at(480), kind: 'followUp', id: 'day-30' },
        [cases.cancelled]: null,
      });
    });

    it('counts each case\'s open escalations: not the resolved ones, and none once the case has ended', async () => {
      // Limburg-Noord is kept for this test alone.
      const resolved = await aRecordedCase({ safetyRegion: 'limburg-noord' },
        escalationRaised('esc-1', at(30)), escalationRaised('esc-2', at(40)),
        caseEvent('EscalationResolved', { escalationId: 'esc-1', outcome: 'acknowledged' }, COORDINATOR, at(2)));
      const ended = await aRecordedCase({ safetyRegion: 'limburg-noord' },
        escalationRaised('esc-1', at(30)), caseEvent('CaseCancelled', { reason: 'Gaat niet door' }, COORDINATOR, at(2)));

      const zeeland = await coordinator().get('/cases').query({ region: 'zeeland' }).expect(200);
      const limburg = await coordinator().get('/cases').query({ region: 'limburg-noord' }).expect(200);
      const counts = Object.fromEntries([...zeeland.body.items, ...limburg.body.items]
        .map((item: { caseId: string; openEscalations: number }) => [item.caseId, item.openEscalations]));

      expect(counts).toEqual({
        [cases.triage]: 0, [cases.matching]: 1, [cases.preparation]: 1, [cases.followUp]: 0, [cases.cancelled]: 0, [resolved]: 1, [ended]: 0,
      });
    });

    it.each([
      ['stage', { stage: 'Preparation' }, ['preparation']],
      ['risk', { risk: 'HIGH' }, ['preparation', 'matching']],
      ['category', { category: 'CITIZEN_MEETING' }, ['cancelled', 'triage']],
      ['municipality code', { municipalityCode: 'GM0664' }, ['cancelled', 'followUp', 'triage']],
      ['municipality code and risk together', { municipalityCode: 'GM0664', risk: 'CRITICAL' }, ['followUp']],
    ])('filters by %s', async (_filter, query, expected) => {
      const response = await coordinator().get('/cases').query({ region: 'zeeland', ...query }).expect(200);

      expect(idsOf(response.body)).toEqual(expected.map((name) => cases[name]));
      expect(response.body.total).toBe(expected.length);
    });

    it('filters by safety region and by the code of a municipality whose name starts with an apostrophe', async () => {
      const byRegion = await coordinator().get('/cases').query({ region: 'brabant-noord' }).expect(200);
      const byCode = await coordinator().get('/cases').query({ municipalityCode: 'GM0796' }).expect(200);

      expect(idsOf(byRegion.body)).toEqual([hertogenbosch]);
      expect(idsOf(byCode.body)).toEqual([hertogenbosch]);
    });

    it.each([
      ['page', { page: 0 }],
      ['pageSize', { pageSize: 101 }],
      ['pageSize', { pageSize: 'ten' }],
      ['stage', { stage: 'Open' }],
      ['risk', { risk: 'EXTREME' }],
      ['category', { category: 'FLOOD' }],
      ['region', { region: 'atlantis' }],
      ['municipalityCode', { municipalityCode: '<script>' }],
      ['municipalityCode', { municipalityCode: 'Zutph\u0435n' }],
      ['municipalityCode', { municipalityCode: 'GM9999' }],
      ['sort', { sort: 'updated_at' }],
    ])('refuses a bad %s with a 400 that names it', async (field, query) => {
      const response = await coordinator().get('/cases').query(query).expect(400);

      expect(fieldsOf(response.body)).toContain(field);
    });
  });
});
