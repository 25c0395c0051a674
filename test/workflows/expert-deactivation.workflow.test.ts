import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { CaseState } from '../../src/domain/case.state';
import { HOUR } from '../../src/domain/durations';
import {
  CASE_FAILURE, appointLead, completeTask, expertDeactivated, holdSession, reassignTask, respondToOffer,
} from '../../workflows/messages';
import { COORDINATOR } from '../support/case-fixtures';
import { anExpertPool, expert, startCase, type CaseDriver } from '../support/case-driver';
import { createWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';

describe('when the pool deactivates an expert who takes part in a case', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await createWorkflowHarness();
    await anExpertPool(harness, Array.from({ length: 8 }, () => ({})));
  });
  afterAll(() => harness?.close());

  /** Deactivates the expert in the pool and tells the case, as `POST /experts/:id/deactivate` does. */
  async function deactivate(sut: CaseDriver, expertId: string): Promise<void> {
    await harness.experts.deactivate(expertId);
    await sut.handle.signal(expertDeactivated, { expertId, actor: COORDINATOR });
  }

  async function updateFailure(send: () => Promise<unknown>): Promise<ApplicationFailure> {
    const error = await send().then(() => undefined, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    return (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
  }

  const memberOf = (state: CaseState, role: 'lead' | 'support') => state.team.find((m) => m.role === role)!.expertId;

  it('withdraws their open offer and offers the case to someone else, without escalating', async () => {
    await harness.withWorker(async () => {
      const sut = await startCase(harness);
      await sut.accept();
      const { openOffers: [offer] } = await sut.waitFor((s) => s.openOffers.length > 0, 'the first offer');

      await deactivate(sut, offer.expertId);

      const next = await sut.waitFor((s) => s.openOffers.some((o) => o.expertId !== offer.expertId), 'an offer to another expert');
      expect(next.openOffers.map((o) => o.expertId)).not.toContain(offer.expertId);
      const withdrawn = await sut.eventsOf('OfferWithdrawn');
      expect(withdrawn.map((e) => e.data)).toEqual([{ offerId: offer.offerId, expertId: offer.expertId, reason: 'expert deactivated' }]);
      expect(await sut.eventsOf('EscalationRaised')).toEqual([]);
      await sut.cancel();
    });
  });

  it('refuses their answer to an offer sent in the same moment as the deactivation, so they never join the team', async () => {
    await harness.withWorker(async () => {
      const sut = await startCase(harness);
      await sut.accept();
      const { openOffers: [offer] } = await sut.waitFor((s) => s.openOffers.length > 0, 'the first offer');

      // The acceptance slipped past the API's check just before the deactivation, and reaches the workflow right after it,
      // while the withdrawal of the offer may still be on its way to the database.
      await harness.experts.deactivate(offer.expertId);
      await sut.handle.signal(expertDeactivated, { expertId: offer.expertId, actor: COORDINATOR });
      const failure = await updateFailure(() =>
        sut.handle.executeUpdate(respondToOffer, { args: [{ offerId: offer.offerId, response: 'accept', actor: expert(offer.expertId) }] }));

      // Refused by the deactivation itself while its withdrawal is being recorded, or as an offer no longer open after.
      expect([CASE_FAILURE.forbidden, CASE_FAILURE.notFound]).toContain(failure.type);
      expect(await sut.eventsOf('OfferAccepted')).toEqual([]);
      const after = await sut.waitFor((s) => !s.openOffers.some((o) => o.offerId === offer.offerId), 'the offer withdrawn');
      expect(after.team.map((m) => m.expertId)).not.toContain(offer.expertId);
      await sut.cancel();
    });
  });

  it('refuses every later decision of theirs in the validator, whatever the case still shows', async () => {
    await harness.withWorker(async () => {
      const sut = await startCase(harness, { category: 'SHELTER_SUPPORT' });
      await sut.accept();
      const assembled = await sut.acceptOffersUntilTeamAssembled();
      const lead = memberOf(assembled, 'lead');
      await sut.waitFor((s) => s.tasks.length > 0, 'the tasks');

      await sut.handle.signal(expertDeactivated, { expertId: lead, actor: COORDINATOR });
      const failure = await updateFailure(() => sut.handle.executeUpdate(holdSession, { args: [{ outcomes: 'agreed', actor: expert(lead) }] }));

      expect(failure.type).toBe(CASE_FAILURE.forbidden);
      expect(await sut.eventsOf('PreparatorySessionHeld')).toEqual([]);
      await sut.cancel();
    });
  });

  it('hands their open tasks back to the coordinator, escalates those due soon, and lets the coordinator complete or pass them on', async () => {
    await harness.withWorker(async () => {
      const sut = await startCase(harness, { category: 'SHELTER_SUPPORT' });
      await sut.accept();
      const assembled = await sut.acceptOffersUntilTeamAssembled();
      const support = memberOf(assembled, 'support');
      const lead = memberOf(assembled, 'lead');
      const { tasks } = await sut.waitFor((s) => s.tasks.length > 0, 'the tasks');
      const theirs = tasks.filter((t) => t.assigneeId === support);
      expect(theirs.length).toBeGreaterThan(0);
      // Twelve hours before the tasks fall due: well inside the window in which a returned task is escalated.
      await harness.env.sleep(Date.parse(theirs[0].dueAt) - (await harness.env.currentTimeMs()) - 12 * HOUR);

      await deactivate(sut, support);

      const returned = await sut.waitFor((s) => theirs.every((t) => s.tasks.find((x) => x.taskId === t.taskId)?.assigneeId === null)
        && s.openEscalations.some((e) => e.trigger === 'expertDeactivated'), 'the tasks back with the coordinator');
      expect(returned.team.map((m) => m.expertId)).toEqual([lead]);
      expect((await sut.eventsOf('TaskReturned')).map((e) => (e.data as { taskId: string }).taskId).sort()).toEqual(theirs.map((t) => t.taskId).sort());
      expect((await sut.eventsOf('TeamMemberRemoved')).map((e) => e.data)).toEqual([{ expertId: support, reason: 'expert deactivated' }]);

      const byTheDeactivated = await updateFailure(() =>
        sut.handle.executeUpdate(completeTask, { args: [{ taskId: theirs[0].taskId, outcome: 'done anyway', actor: expert(support) }] }));
      expect(byTheDeactivated.type).toBe(CASE_FAILURE.forbidden);

      const [first, ...rest] = theirs;
      const afterCompletion = await sut.handle.executeUpdate(completeTask, { args: [{ taskId: first.taskId, outcome: 'done by the coordinator', actor: COORDINATOR }] });
      expect(afterCompletion.tasks.find((t) => t.taskId === first.taskId)?.status).toBe('completed');
      for (const task of rest) {
        const passedOn = await sut.handle.executeUpdate(reassignTask, { args: [{ taskId: task.taskId, expertId: lead, actor: COORDINATOR }] });
        expect(passedOn.tasks.find((t) => t.taskId === task.taskId)?.assigneeId).toBe(lead);
      }
      const toOutsider = await updateFailure(() =>
        sut.handle.executeUpdate(reassignTask, { args: [{ taskId: first.taskId, expertId: support, actor: COORDINATOR }] }));
      expect([CASE_FAILURE.conflict, CASE_FAILURE.notFound]).toContain(toOutsider.type);
      await sut.cancel();
    });
  });

  it('asks the coordinator for a new lead when the lead leaves, and the appointed member then leads', async () => {
    await harness.withWorker(async () => {
      const sut = await startCase(harness, { category: 'SHELTER_SUPPORT' });
      await sut.accept();
      const assembled = await sut.acceptOffersUntilTeamAssembled();
      const lead = memberOf(assembled, 'lead');
      const support = memberOf(assembled, 'support');
      await sut.waitFor((s) => s.tasks.length > 0, 'the tasks');

      await deactivate(sut, lead);

      const leaderless = await sut.waitFor((s) => s.openEscalations.some((e) => e.subject === 'lead'), 'the request for a new lead');
      expect(leaderless.team).toEqual([expect.objectContaining({ expertId: support, role: 'support' })]);
      const byExpert = await updateFailure(() => sut.handle.executeUpdate(appointLead, { args: [{ expertId: support, actor: expert(support) }] }));
      expect(byExpert.type).toBe(CASE_FAILURE.forbidden);

      const appointed = await sut.handle.executeUpdate(appointLead, { args: [{ expertId: support, actor: COORDINATOR }] });
      expect(appointed.team).toEqual([expect.objectContaining({ expertId: support, role: 'lead' })]);
      for (const task of appointed.tasks.filter((t) => t.status === 'open')) {
        const actor = task.assigneeId === null ? COORDINATOR : expert(task.assigneeId);
        await sut.handle.executeUpdate(completeTask, { args: [{ taskId: task.taskId, outcome: 'done', actor }] });
      }
      const held = await sut.handle.executeUpdate(holdSession, { args: [{ outcomes: 'agreed', actor: expert(support) }] });
      expect(held.stage).toBe('Intervention');
      await sut.cancel();
    });
  });
});
