import { WorkflowUpdateFailedError } from '@temporalio/client';
import { OFFER_TIMEOUT_MS, TASK_DUE_BEFORE_SESSION_MS } from '../../src/domain/case-policy';
import { HOUR, MINUTE } from '../../src/domain/durations';
import type { CaseState } from '../../src/domain/case.state';
import type { SupportRequest } from '../../src/domain/support-request';
import { assignExpert, cancelCase, changeRisk, respondToOffer } from '../../workflows/messages';
import { anExpertPool, expert, startCase as startCaseIn } from '../support/case-driver';
import { COORDINATOR } from '../support/case-fixtures';
import { createWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';
import { literalText } from '../../src/domain/domain-text';

const CRITICAL_THREAT = {
  category: 'THREAT_TO_OFFICIAL' as const,
  indicators: { threatsReceived: true, officeHolderPersonallyTargeted: true, onlineAgitation: true, mediaAttention: 'national' as const, priorIncidents: 0, expectedAttendance: 0 },
};

describe('the paths a case can take', () => {
  let harness: WorkflowHarness;
  let pool: string[];
  let byHandOnly: string[];

  // Each test gets a time-skipping server of its own, so one test's time skips never wake another test's case.
  beforeEach(async () => {
    harness = await createWorkflowHarness();
    // Every expert lives in Utrecht, so a request from Utrecht finds nobody eligible.
    pool = await anExpertPool(harness, Array.from({ length: 6 }, () => ({ homeMunicipalityCode: 'GM0344' })));
    // From Amersfoort and without shelter support among their categories: matching passes them over, a coordinator
    // may still put them on a shelter case by hand (the conflict-of-interest rule would not let a Utrecht expert on).
    byHandOnly = await anExpertPool(harness, Array.from({ length: 2 }, () => ({ homeMunicipalityCode: 'GM0307', categories: ['INCIDENT'] } as const)));
  });
  afterEach(() => harness?.close());

  const startCase = (overrides: Partial<SupportRequest> = {}) => startCaseIn(harness, overrides);

  describe('when the first expert declines', () => {
    it('offers the case to the next candidate, who joins the team', async () => {
      await harness.withWorker(async () => {
        const sut = await startCase({ category: 'CITIZEN_MEETING' });
        await sut.accept();
        const first = (await sut.waitFor((s) => s.openOffers.length === 1, 'the first offer')).openOffers[0];

        await sut.handle.executeUpdate(respondToOffer, { args: [{ offerId: first.offerId, response: 'decline', reason: 'on holiday', actor: expert(first.expertId) }] });
        const second = (await sut.waitFor((s) => s.openOffers.length === 1 && s.openOffers[0].expertId !== first.expertId, 'the second offer')).openOffers[0];
        await sut.handle.executeUpdate(respondToOffer, { args: [{ offerId: second.offerId, response: 'accept', actor: expert(second.expertId) }] });
        const state = await sut.waitFor((s) => s.stage === 'Preparation', 'the team');

        expect(state.team).toEqual([{ expertId: second.expertId, name: second.expertName, role: 'lead' }]);
        expect((await sut.types()).slice(3, 8)).toEqual(['ExpertOffered', 'OfferDeclined', 'ExpertOffered', 'OfferAccepted', 'TeamAssembled']);
        await sut.cancel();
      });
    });

    it('records one answer when the same offer is answered twice at the same moment', async () => {
      await harness.withWorker(async () => {
        const sut = await startCase({ category: 'SHELTER_SUPPORT' });
        await sut.accept();
        const offer = (await sut.waitFor((s) => s.openOffers.length === 1, 'the offer')).openOffers[0];

        const answers = await Promise.allSettled([1, 2].map(() =>
          sut.handle.executeUpdate(respondToOffer, { args: [{ offerId: offer.offerId, response: 'accept', actor: expert(offer.expertId) }] })));
        const state = await sut.waitFor((s) => s.openOffers.length === 1 && s.openOffers[0].offerId !== offer.offerId, 'the next offer');

        expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
        expect(state.team.map((m) => m.expertId)).toEqual([offer.expertId]);
        expect(await sut.eventsOf('OfferAccepted')).toHaveLength(1);
        await sut.cancel();
      });
    });

    it('refuses an answer from an expert the offer was not made to', async () => {
      await harness.withWorker(async () => {
        const sut = await startCase({ category: 'CITIZEN_MEETING' });
        await sut.accept();
        const offer = (await sut.waitFor((s) => s.openOffers.length === 1, 'the offer')).openOffers[0];
        const someoneElse = pool.find((id) => id !== offer.expertId)!;

        const error = await sut.handle.executeUpdate(respondToOffer, { args: [{ offerId: offer.offerId, response: 'accept', actor: expert(someoneElse) }] }).catch((e: unknown) => e);

        expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
        expect((error as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'CaseForbidden' });
        expect((await sut.state()).team).toHaveLength(0);
        await sut.cancel();
      });
    });
  });

  describe('when nobody answers an offer in time', () => {
    it('expires the offer, escalates the missed round and offers the next candidate', async () => {
      await harness.withWorker(async () => {
        const sut = await startCase({ category: 'CITIZEN_MEETING' });
        await sut.accept();
        const first = (await sut.waitFor((s) => s.openOffers.length === 1, 'the first offer')).openOffers[0];

        await harness.env.sleep(OFFER_TIMEOUT_MS.LOW + MINUTE);
        const state = await sut.waitFor((s) => s.openOffers.length === 1 && s.openOffers[0].offerId !== first.offerId, 'the next offer');

        expect(state.openEscalations).toEqual([expect.objectContaining({ trigger: 'missedDeadline', subject: 'offer-round', level: 1, target: 'dutyCoordinator' })]);
        expect(await sut.eventsOf('OfferExpired')).toEqual([expect.objectContaining({ data: { offerId: first.offerId, expertId: first.expertId } })]);
        await sut.cancel();
      });
    });
  });

  describe('when the case is CRITICAL', () => {
    it('offers in parallel, fills the team with the first acceptances and withdraws the rest', async () => {
      await harness.withWorker(async () => {
        const sut = await startCase(CRITICAL_THREAT);
        await sut.accept();
        const { openOffers } = await sut.waitFor((s) => s.openOffers.length > 1, 'parallel offers');
        expect(openOffers).toHaveLength(5);
        const [a, b, c, d, e] = openOffers;
        for (const offer of [a, b, c]) {
          await sut.handle.executeUpdate(respondToOffer, { args: [{ offerId: offer.offerId, response: 'accept', actor: expert(offer.expertId) }] });
        }

        // Two experts reach for the last place at the same moment: exactly one gets it.
        const race = await Promise.allSettled([d, e].map((offer) =>
          sut.handle.executeUpdate(respondToOffer, { args: [{ offerId: offer.offerId, response: 'accept', actor: expert(offer.expertId) }] })));
        const state = await sut.waitFor((s) => s.stage === 'Preparation', 'the team');

        expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(state.team.map((m) => m.role)).toEqual(['lead', 'support', 'support', 'support']);
        expect(await sut.eventsOf('OfferAccepted')).toHaveLength(4);
        expect(await sut.eventsOf('OfferWithdrawn')).toEqual([expect.objectContaining({ data: expect.objectContaining({ reason: { code: 'reason.team_complete' } }) })]);
        await sut.cancel();
      });
    });
  });

  describe('when the pool is exhausted', () => {
    it('escalates the failed match and completes the team from manual assignments', async () => {
      await harness.withWorker(async () => {
        const sut = await startCase({ municipalityCode: 'GM0344', municipality: 'Utrecht', safetyRegion: 'utrecht', category: 'SHELTER_SUPPORT' });
        await sut.accept();
        const escalated = await sut.waitFor((s) => s.openEscalations.length > 0, 'the failed-match escalation');
        expect(escalated.openEscalations[0]).toMatchObject({ trigger: 'failedMatch', subject: 'matching' });
        expect(escalated.openOffers).toHaveLength(0);

        const conflicted = await sut.handle.executeUpdate(assignExpert, { args: [{ expertId: pool[0], actor: COORDINATOR }] }).catch((e: unknown) => e);
        expect((conflicted as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'CaseConflict', message: expect.stringMatching(/lives and works in the requesting municipality/) });
        await sut.handle.executeUpdate(assignExpert, { args: [{ expertId: byHandOnly[0], note: 'knows the mayor', actor: COORDINATOR }] });
        await sut.handle.executeUpdate(assignExpert, { args: [{ expertId: byHandOnly[1], actor: COORDINATOR }] });
        const state = await sut.waitFor((s) => s.stage === 'Preparation', 'the team');

        expect(state.team.map((m) => [m.expertId, m.role])).toEqual([[byHandOnly[0], 'lead'], [byHandOnly[1], 'support']]);
        expect(await sut.eventsOf('ExpertAssignedManually')).toHaveLength(2);
        await sut.cancel();
      });
    });

    it('refuses a manual assignment by anyone but a coordinator, and of an unknown expert', async () => {
      await harness.withWorker(async () => {
        const sut = await startCase({ municipalityCode: 'GM0344', municipality: 'Utrecht', safetyRegion: 'utrecht' });
        await sut.accept();
        await sut.waitFor((s) => s.openEscalations.length > 0, 'the failed-match escalation');

        const byExpert = await sut.handle.executeUpdate(assignExpert, { args: [{ expertId: pool[0], actor: expert(pool[0]) }] }).catch((e: unknown) => e);
        const unknown = await sut.handle.executeUpdate(assignExpert, { args: [{ expertId: '00000000-0000-4000-8000-000000000000', actor: COORDINATOR }] }).catch((e: unknown) => e);

        expect((byExpert as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'CaseForbidden' });
        expect((unknown as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'CaseNotFound' });
        expect((await sut.state()).team).toHaveLength(0);
        await sut.cancel();
      });
    });
  });

  describe('when a task is overdue and nobody acknowledges', () => {
    it('climbs the ladder level by level to the partner, then records it as unanswered', async () => {
      await harness.withWorker(async () => {
        const sut = await startCase({ category: 'SHELTER_SUPPORT' });
        await sut.accept();
        const prepared = await sut.acceptOffersUntilTeamAssembled().then(() => sut.waitFor((s) => s.tasks.length > 0, 'tasks'));
        const firstDue = Math.min(...prepared.tasks.map((t) => Date.parse(t.dueAt)));
        expect(Date.parse(prepared.session!.scheduledAt) - firstDue).toBe(TASK_DUE_BEFORE_SESSION_MS);

        await harness.env.sleep(firstDue - (await harness.env.currentTimeMs()) + MINUTE);
        const raised = await sut.waitFor((s) => s.openEscalations.length === prepared.tasks.length, 'one escalation per overdue task');
        expect(raised.openEscalations.map((e) => [e.subject, e.level, e.target])).toEqual(prepared.tasks.map((t) => [`task:${t.taskId}`, 1, 'dutyCoordinator']));

        // The session, planned 12 hours after the tasks were due, escalates too; this test follows the task ladders.
        const taskLadders = (state: CaseState) => state.openEscalations.filter((e) => e.subject.startsWith('task:'));
        await harness.env.sleep(24 * HOUR + MINUTE);
        await sut.waitFor((s) => taskLadders(s).every((e) => e.level === 2), 'level 2');
        await harness.env.sleep(48 * HOUR + MINUTE);
        const atPartner = await sut.waitFor((s) => taskLadders(s).every((e) => e.level === 3), 'level 3');
        expect(taskLadders(atPartner).map((e) => e.target)).toEqual(['COA', 'COA', 'COA']);
        await harness.env.sleep(72 * HOUR + MINUTE);
        await sut.waitFor((s) => taskLadders(s).length === 0, 'the task ladders to end');

        const resolved = (await sut.eventsOf('EscalationResolved')).map((e) => e.data as { escalationId: string; outcome: string });
        expect(resolved.filter((r) => ['esc-1', 'esc-2', 'esc-3'].includes(r.escalationId)).map((r) => r.outcome)).toEqual(['unanswered', 'unanswered', 'unanswered']);
        const firstLadder = harness.alerts.filter((a) => a.caseId === prepared.caseId && a.escalationId === 'esc-1');
        expect(firstLadder.map((a) => [a.level, a.target])).toEqual([[1, 'dutyCoordinator'], [2, 'programmeLead'], [3, 'COA']]);
        await sut.cancel();
      });
    });
  });

  describe('when the risk is raised during preparation', () => {
    it('records the new level and escalates it', async () => {
      await harness.withWorker(async () => {
        const sut = await startCase({ category: 'CITIZEN_MEETING' });
        await sut.accept();
        await sut.acceptOffersUntilTeamAssembled();
        await sut.waitFor((s) => s.tasks.length > 0, 'tasks');

        await sut.handle.signal(changeRisk, { level: 'HIGH', reason: 'call to protest on social media', actor: COORDINATOR });
        const state = await sut.waitFor((s) => s.openEscalations.length > 0, 'the risk escalation');

        expect(state).toMatchObject({ stage: 'Preparation', riskLevel: 'HIGH' });
        expect(state.openEscalations[0]).toMatchObject({
          trigger: 'riskRaised', target: 'dutyCoordinator',
          reason: { code: 'escalation.risk_raised', params: { from: { code: 'riskLevel.LOW' }, to: { code: 'riskLevel.HIGH' }, reason: literalText('call to protest on social media') } },
        });
        // The coordinator's words are kept as written, as a literal text.
        expect(await sut.eventsOf('RiskLevelChanged')).toEqual([expect.objectContaining({
          data: { from: 'LOW', to: 'HIGH', reason: literalText('call to protest on social media') }, actor: COORDINATOR,
        })]);
        await sut.cancel();
        // The ladder ends with its case, so no escalation outlives a cancelled case.
        expect((await harness.env.client.workflow.getHandle(`${sut.handle.workflowId}-esc-1`).describe()).status.name).toBe('COMPLETED');
      });
    });
  });

  describe('when the same risk change arrives several times at once', () => {
    it('records it once, from the level the case had, and escalates once', async () => {
      await harness.withWorker(async () => {
        const sut = await startCase({ category: 'CITIZEN_MEETING' });
        await sut.accept();
        await sut.acceptOffersUntilTeamAssembled();
        await sut.waitFor((s) => s.tasks.length > 0, 'tasks');

        const change = { level: 'HIGH' as const, reason: 'sent three times', actor: COORDINATOR };
        await Promise.all([1, 2, 3].map(() => sut.handle.signal(changeRisk, change)));
        await sut.handle.signal(changeRisk, { level: 'MEDIUM', reason: 'calmer again', actor: COORDINATOR });
        await sut.waitFor((s) => s.riskLevel === 'MEDIUM', 'the risk lowered again');
        // The escalation of the raise is recorded in a step of its own, which may come after the lowering.
        await sut.waitFor((s) => s.escalationCount > 0, 'the raise escalated');

        expect((await sut.eventsOf('RiskLevelChanged')).map((e) => e.data)).toEqual([
          expect.objectContaining({ from: 'LOW', to: 'HIGH' }), expect.objectContaining({ from: 'HIGH', to: 'MEDIUM' }),
        ]);
        expect((await sut.eventsOf('EscalationRaised')).map((e) => e.data)).toEqual([expect.objectContaining({ trigger: 'riskRaised' })]);
        await sut.cancel();
      });
    });
  });

  describe('when the coordinator cancels', () => {
    it('during matching, withdraws the open offers and ends the case', async () => {
      await harness.withWorker(async () => {
        const sut = await startCase(CRITICAL_THREAT);
        await sut.accept();
        const { openOffers } = await sut.waitFor((s) => s.openOffers.length > 1, 'parallel offers');

        const cancelled = await sut.handle.executeUpdate(cancelCase, { args: [{ reason: 'the mayor withdrew the request', actor: COORDINATOR }] });

        expect(cancelled).toMatchObject({ stage: 'Cancelled', openOffers: [], cancellationReason: 'the mayor withdrew the request' });
        expect(await sut.handle.result()).toMatchObject({ stage: 'Cancelled' });
        expect((await sut.eventsOf('OfferWithdrawn')).map((e) => (e.data as { offerId: string }).offerId)).toEqual(openOffers.map((o) => o.offerId));
        // The ended case may already have archived its history, which is recorded after the cancellation.
        expect((await sut.types()).filter((type) => type !== 'HistoryArchived').at(-1)).toBe('CaseCancelled');
      });
    });

    it('during preparation, withdraws the open tasks and ends the case', async () => {
      await harness.withWorker(async () => {
        const sut = await startCase({ category: 'INCIDENT' });
        await sut.accept();
        await sut.acceptOffersUntilTeamAssembled();
        const { tasks } = await sut.waitFor((s) => s.tasks.length > 0, 'tasks');

        await sut.handle.executeUpdate(cancelCase, { args: [{ reason: 'event called off', actor: COORDINATOR }] });

        expect(await sut.handle.result()).toMatchObject({ stage: 'Cancelled' });
        expect((await sut.eventsOf('TaskWithdrawn')).map((e) => (e.data as { taskId: string }).taskId)).toEqual(tasks.map((t) => t.taskId));
        expect(await harness.eventStore.verify((await sut.state()).caseId)).toMatchObject({ valid: true });
      });
    });
  });
});
