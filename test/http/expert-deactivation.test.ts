import { ServiceUnavailableException } from '@nestjs/common';
import { CasesModule } from '../../src/cases/cases.module';
import { caseEvent, type NewCaseEvent } from '../../src/domain/case.events';
import type { CaseState } from '../../src/domain/case.state';
import { SYSTEM_ACTOR } from '../../src/domain/case.vocabulary';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { ExpertDeactivationModule } from '../../src/expert-deactivation/expert-deactivation.module';
import type { ExpertView } from '../../src/experts/expert.mapper';
import { ExpertsModule } from '../../src/experts/experts.module';
import { ExpertInboxModule } from '../../src/expert-inbox/expert-inbox.module';
import { createApiApp, type ApiApp } from '../support/api-app';
import { COORDINATOR, aSupportRequest, intakeAssessed, requestReceived } from '../support/case-fixtures';
import { anExpertBody } from '../support/expert-fixtures';
import { FakeCaseWorkflows } from '../support/fake-case-workflows';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { refusalText } from '../support/catalogue-texts';
import { domainText } from '../../src/domain/domain-text';

const AT = '2027-03-01T09:00:00.000Z';
const accepted = () => caseEvent('RequestAccepted', {}, COORDINATOR, AT);
const offered = (offerId: string, expertId: string) =>
  caseEvent('ExpertOffered', { offerId, expertId, expertName: 'Expert', round: 1, expiresAt: '2027-03-01T13:00:00.000Z' }, SYSTEM_ACTOR, AT);
const assembled = (...expertIds: string[]) => caseEvent('TeamAssembled', {
  members: expertIds.map((expertId, index) => ({ expertId, name: 'Expert', role: index === 0 ? 'lead' as const : 'support' as const })),
}, SYSTEM_ACTOR, AT);
const task = (taskId: string, assigneeId: string) =>
  caseEvent('TaskAssigned', { taskId, templateId: 'risk-analysis', title: domainText('task.risk_analysis'), assigneeId, dueAt: '2027-03-05T09:00:00.000Z' }, SYSTEM_ACTOR, AT);
const cancelled = () => caseEvent('CaseCancelled', { reason: 'called off' }, COORDINATOR, AT);

describe('POST /experts/:id/deactivate', () => {
  let db: TestDatabase;
  let sut: ApiApp;
  let workflows: FakeCaseWorkflows;
  let eventStore: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    eventStore = new PostgresEventStore(db.dataSource, db.keyStore);
    workflows = new FakeCaseWorkflows();
    sut = await createApiApp(db, { imports: [ExpertsModule, ExpertDeactivationModule, CasesModule, ExpertInboxModule], caseWorkflows: workflows });
  });
  afterAll(async () => {
    await sut?.close();
    await db?.drop();
  });

  const coordinator = () => sut.as('coordinator', 'c.jansen');

  async function anExpert(): Promise<string> {
    const { body } = await coordinator().post('/experts').send(anExpertBody({ email: `expert-${Math.random()}@brigade.test` })).expect(201);
    return (body as ExpertView).expertId;
  }

  /** Records a case through the real event store (which keeps the read model) and lets the fake Temporal run it. */
  async function aCase(...events: NewCaseEvent[]): Promise<string> {
    const request = aSupportRequest();
    const stream = [requestReceived(request), intakeAssessed(), ...events];
    await eventStore.append({ caseId: request.caseId, expectedVersion: 0, idempotencyKey: `deactivation-${request.caseId}`, events: stream });
    const ended = events.some((event) => event.type === 'CaseCancelled');
    if (!ended) workflows.running.set(request.caseId, { caseId: request.caseId } as CaseState);
    return request.caseId;
  }

  const toldCases = (expertId: string) => workflows.sent
    .filter((message) => message.kind === 'signal' && message.name === 'expertDeactivated' && (message.input as { expertId: string }).expertId === expertId)
    .map((message) => message.caseId);

  it('tells every open case the expert takes part in, and every case in matching, but no case that ended or that they are not on', async () => {
    const [leaving, other] = [await anExpert(), await anExpert()];
    const offeredCase = await aCase(accepted(), offered('offer-1-1', leaving));
    const teamCase = await aCase(accepted(), offered('offer-1-1', leaving), assembled(leaving, other));
    const taskCase = await aCase(accepted(), assembled(other, leaving), task('task-1', leaving));
    const matchingWithoutThem = await aCase(accepted(), offered('offer-1-1', other));
    const endedCase = await aCase(accepted(), offered('offer-1-1', leaving), cancelled());
    const preparationWithoutThem = await aCase(accepted(), assembled(other), task('task-1', other));

    const response = await coordinator().post(`/experts/${leaving}/deactivate`).expect(200);

    expect(response.body).toMatchObject({ expertId: leaving, active: false });
    const told = toldCases(leaving);
    expect(told.sort()).toEqual([offeredCase, teamCase, taskCase, matchingWithoutThem].sort());
    expect(told).not.toContain(endedCase);
    expect(told).not.toContain(preparationWithoutThem);
    expect(workflows.sent.find((message) => message.name === 'expertDeactivated')?.input)
      .toEqual({ expertId: leaving, actor: { role: 'coordinator', id: 'c.jansen' } });
  });

  it("refuses the expert's token at once, on every route, with 401 expert_deactivated, also for a case they were on", async () => {
    const leaving = await anExpert();
    const teamCase = await aCase(accepted(), offered('offer-1-1', leaving), assembled(leaving));
    await sut.as('expert', leaving).get(`/cases/${teamCase}`).expect(200);

    await coordinator().post(`/experts/${leaving}/deactivate`).expect(200);

    for (const call of [
      () => sut.as('expert', leaving).get(`/cases/${teamCase}`),
      () => sut.as('expert', leaving).get(`/cases/${teamCase}/request`),
      () => sut.as('expert', leaving).get('/me/offers'),
      () => sut.as('expert', leaving).post(`/cases/${teamCase}/concerns`).send({ concern: 'still here' }),
    ]) {
      const { body } = await call().expect(401);
      expect(body).toMatchObject({ statusCode: 401, code: 'expert_deactivated', message: expect.stringContaining(leaving) });
    }
    expect(workflows.sentTo(teamCase).filter((message) => message.name === 'raiseConcern')).toEqual([]);
  });

  it('answers 503 when a case could not be told, and a repeat of the call tells it', async () => {
    const leaving = await anExpert();
    const unreachable = await aCase(accepted(), offered('offer-1-1', leaving));
    workflows.signalFailures.set(unreachable, new ServiceUnavailableException('Temporal is away'));

    const { body } = await coordinator().post(`/experts/${leaving}/deactivate`).expect(503);

    expect(body.reason).toEqual({ code: 'deactivation_incomplete', params: { expertId: leaving, untold: 1, open: expect.any(Number) } });
    expect(body.message).toMatch(/herhaal het verzoek/);
    // Inactive already: the token guard refuses them while the case waits to be told.
    await sut.as('expert', leaving).get('/me/offers').expect(401);
    workflows.signalFailures.delete(unreachable);
    await coordinator().post(`/experts/${leaving}/deactivate`).expect(200);
    expect(toldCases(leaving).filter((caseId) => caseId === unreachable)).toHaveLength(1);
  });

  it('answers 404 naming the id for an expert who is not in the pool, and tells no case', async () => {
    const sentBefore = workflows.sent.length;
    const id = '6a1f0c1e-2b3d-4c5e-8f90-123456789abc';

    const { body } = await coordinator().post(`/experts/${id}/deactivate`).expect(404);

    expect(body.reason).toEqual({ code: 'expert_not_found', params: { expertId: id } });
    expect(body.message).toBe(refusalText('expert_not_found', { expertId: id }));
    expect(workflows.sent.length).toBe(sentBefore);
  });
});
