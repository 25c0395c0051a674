import { WorkflowUpdateFailedError, WorkflowUpdateStage } from '@temporalio/client';
import { TRIAGE_DEADLINE_MS } from '../../src/domain/case-policy';
import { MINUTE } from '../../src/domain/durations';
import type { SupportRequest } from '../../src/domain/support-request';
import type { AppendRequest } from '../../src/event-store/event-store.port';
import { acknowledgeEscalation, changeRisk, closeCase, completeFollowUp, evaluateCase, raiseConcern } from '../../workflows/messages';
import { CaseDriver, anExpertPool, expert, startCase as startCaseIn } from '../support/case-driver';
import { COORDINATOR } from '../support/case-fixtures';
import { createWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';

// Each test gets a time-skipping server of its own: skipped time then belongs to that test's case alone.
describe('deadlines, concerns and ongoing risk', () => {
  let harness: WorkflowHarness;
  let pool: string[];

  beforeEach(async () => {
    harness = await createWorkflowHarness();
    pool = await anExpertPool(harness, Array.from({ length: 4 }, () => ({ homeMunicipalityCode: 'GM0344' })));
  });
  afterEach(() => harness?.close());

  const startCase = (overrides: Partial<SupportRequest> = {}): Promise<CaseDriver> => startCaseIn(harness, overrides);

  describe('when nobody triages the request in time', () => {
    it('escalates the missed triage deadline, and the acknowledgement resolves it', async () => {
      await harness.withWorker(async () => {
        const sut = await startCase({ category: 'INCIDENT' });
        await sut.waitFor((s) => s.stage === 'Triage', 'triage');

        await harness.env.sleep(TRIAGE_DEADLINE_MS.LOW + MINUTE);
        const escalated = await sut.waitFor((s) => s.openEscalations.length === 1, 'the triage escalation');
        expect(escalated.openEscalations[0]).toMatchObject({ trigger: 'missedDeadline', subject: 'triage', target: 'dutyCoordinator' });

        const acknowledged = await sut.handle.executeUpdate(acknowledgeEscalation, { args: [{ escalationId: escalated.openEscalations[0].escalationId, actor: COORDINATOR }] });

        expect(acknowledged.openEscalations).toEqual([]);
        expect((await sut.types()).slice(-3)).toEqual(['EscalationRaised', 'EscalationAcknowledged', 'EscalationResolved']);
        await sut.cancel();
      });
    });
  });

  describe('when an expert on the team raises a concern', () => {
    it('records the concern and escalates it; a concern from outside the team is ignored', async () => {
      await harness.withWorker(async () => {
        const sut = await startCase({ category: 'CITIZEN_MEETING' });
        await sut.accept();
        const { team } = await sut.acceptOffersUntilTeamAssembled();
        const outsider = pool.find((id) => !team.some((m) => m.expertId === id))!;

        await sut.handle.signal(raiseConcern, { concern: 'not on the team', actor: expert(outsider) });
        await sut.handle.signal(raiseConcern, { concern: 'the venue has no second exit', actor: expert(team[0].expertId) });
        const state = await sut.waitFor((s) => s.openEscalations.some((e) => e.trigger === 'expertConcern'), 'the concern escalation');

        expect(await sut.eventsOf('ConcernRaised')).toEqual([expect.objectContaining({ data: { expertId: team[0].expertId, concern: 'the venue has no second exit' } })]);
        expect(state.openEscalations.filter((e) => e.trigger === 'expertConcern')).toHaveLength(1);
        await sut.cancel();
      });
    });
  });

  describe('when a concern is long enough to be quoted in part, and a cut would split an emoji', () => {
    it('records the concern and its escalation, and the case goes on taking decisions', async () => {
      await harness.withWorker(async () => {
        const sut = await startCase({ category: 'CITIZEN_MEETING' });
        await sut.accept();
        const { team } = await sut.acceptOffersUntilTeamAssembled();
        // 201 UTF-16 units into it, a cut at 200 units would leave half an emoji, which PostgreSQL refuses to store.
        const concern = `a${'😀'.repeat(150)}`;

        await sut.handle.signal(raiseConcern, { concern, actor: expert(team[0].expertId) });
        const escalated = await sut.waitFor((s) => s.openEscalations.some((e) => e.trigger === 'expertConcern'), 'the concern escalation');

        expect(await sut.eventsOf('ConcernRaised')).toEqual([expect.objectContaining({ data: { expertId: team[0].expertId, concern } })]);
        const acknowledged = await sut.handle.executeUpdate(acknowledgeEscalation, { args: [{ escalationId: escalated.openEscalations[0].escalationId, actor: COORDINATOR }] });
        expect(acknowledged.openEscalations).toEqual([]);
        await sut.cancel();
      });
    });
  });

  describe('when a follow-up finds the risk still ongoing', () => {
    it('schedules another check-in thirty days later', async () => {
      await harness.withWorker(async () => {
        const sut = await startCase({ category: 'INCIDENT' });
        await sut.accept();
        await sut.acceptOffersUntilTeamAssembled();
        await sut.prepareAndHoldSession();
        const reported = await sut.reportAfterEvent('tense');
        const { followUps } = await sut.waitFor((s) => s.followUps.length === 2, 'the follow-ups');

        await sut.handle.executeUpdate(completeFollowUp, { args: [{ followUpId: followUps[0].followUpId, ongoingRisk: false, notes: 'rustig', actor: sut.lead(reported) }] });
        const after = await sut.handle.executeUpdate(completeFollowUp, { args: [{ followUpId: followUps[1].followUpId, ongoingRisk: true, notes: 'nieuwe dreiging online', actor: sut.lead(reported) }] });

        expect(after.stage).toBe('FollowUp');
        expect(after.followUps.map((f) => [f.followUpId, f.status])).toEqual([['day-7', 'completed'], ['day-30', 'completed'], ['extra-1', 'scheduled']]);
        await sut.cancel();
      });
    });
  });
});

describe('a fact that reaches the case in the same moment as its closure', () => {
  let harness: WorkflowHarness;
  // The fact's append waits at this gate, so that the closure arrives while the fact is still being recorded.
  let factAppending: () => void = () => undefined;
  let openGate: () => void;

  beforeEach(async () => {
    const gate = new Promise<void>((resolve) => { openGate = resolve; });
    harness = await createWorkflowHarness({
      activityEventStore: (store) => new Proxy(store, {
        get: (target, property, receiver) => (property !== 'append' ? Reflect.get(target, property, receiver) : async (request: AppendRequest) => {
          if (request.events.some((event) => event.type === 'ConcernRaised' || event.type === 'RiskLevelChanged')) {
            factAppending();
            await gate;
          }
          return target.append(request);
        }),
      }),
    });
    await anExpertPool(harness, Array.from({ length: 4 }, () => ({ homeMunicipalityCode: 'GM0344' })));
  });
  afterEach(() => harness?.close());

  it.each<[string, string, string, (sut: CaseDriver, member: string) => Promise<void>]>([
    ['a concern', 'ConcernRaised', 'expertConcern',
      (sut, member) => sut.handle.signal(raiseConcern, { concern: 'a threat came in tonight', actor: expert(member) })],
    ['a raised risk', 'RiskLevelChanged', 'riskRaised',
      (sut) => sut.handle.signal(changeRisk, { level: 'CRITICAL', reason: 'a threat came in tonight', actor: COORDINATOR })],
  ])('refuses the closure while %s is on its way to an escalation, and records that escalation', async (_fact, factType, trigger, send) => {
    await harness.withWorker(async () => {
      const sut = await startCaseIn(harness, { category: 'CITIZEN_MEETING' });
      await sut.accept();
      await sut.acceptOffersUntilTeamAssembled();
      await sut.prepareAndHoldSession();
      await sut.reportAfterEvent();
      await sut.completeFollowUps();
      const { team, openEscalations } = await sut.handle.executeUpdate(evaluateCase, { args: [{ summary: 'Support was effective', actor: COORDINATOR }] });
      expect(openEscalations).toEqual([]);
      const appending = new Promise<void>((resolve) => { factAppending = resolve; });

      await send(sut, team[0].expertId);
      await appending;
      // Waiting only until the update is taken in: an accepted closure would wait behind the gate to be recorded.
      const closing = await sut.handle.startUpdate(closeCase, { args: [{ actor: COORDINATOR }], waitForStage: WorkflowUpdateStage.ACCEPTED });
      openGate();
      const refused = await closing.result().then(() => undefined, (error: unknown) => error);

      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((refused as WorkflowUpdateFailedError).cause).toMatchObject({ details: [{ code: 'escalations_open', params: {} }] });
      await sut.waitFor((s) => s.openEscalations.some((e) => e.trigger === trigger), `the ${trigger} escalation`);
      expect((await sut.types()).slice(-2)).toEqual([factType, 'EscalationRaised']);
      await sut.cancel();
    });
  });
});
