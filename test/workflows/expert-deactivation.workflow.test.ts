import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { CaseState } from '../../src/domain/case.state';
import { DAY, HOUR } from '../../src/domain/durations';
import {
  CASE_FAILURE, appointLead, assignExpert, completeTask, expertDeactivated, holdSession, reassignTask, respondToOffer,
} from '../../workflows/messages';
import { COORDINATOR } from '../support/case-fixtures';
import { anExpertPool, expert, startCase, type CaseDriver } from '../support/case-driver';
import { createWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';

/** The refusal an update met in its validator or handler. */
async function updateFailure(send: () => Promise<unknown>): Promise<ApplicationFailure> {
  const error = await send().then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
}

describe('when the pool deactivates an expert who takes part in a case', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await createWorkflowHarness();
    // Several tests below deactivate experts for good, so the pool is large enough for all of them.
    await anExpertPool(harness, Array.from({ length: 16 }, () => ({})));
  });
  afterAll(() => harness?.close());

  /** Deactivates the expert in the pool and tells the case, as `POST /experts/:id/deactivate` does. */
  async function deactivate(sut: CaseDriver, expertId: string): Promise<void> {
    await harness.experts.deactivate(expertId);
    await sut.handle.signal(expertDeactivated, { expertId, actor: COORDINATOR });
  }

  const memberOf = (state: CaseState, role: 'lead' | 'support') => state.team.find((m) => m.role === role)!.expertId;

  /** A shelter case with its lead and one support member, in preparation with its tasks handed out. */
  async function aTeamInPreparation(overrides: { eventDate?: string } = {}) {
    const sut = await startCase(harness, { category: 'SHELTER_SUPPORT', ...overrides });
    await sut.accept();
    const assembled = await sut.acceptOffersUntilTeamAssembled();
    const { tasks } = await sut.waitFor((s) => s.tasks.length > 0, 'the tasks');
    return { sut, tasks, lead: memberOf(assembled, 'lead'), support: memberOf(assembled, 'support') };
  }

  it('withdraws their open offer and offers the case to someone else, without escalating', async () => {
    await harness.withWorker(async () => {
      const sut = await startCase(harness);
      await sut.accept();
      const { openOffers: [offer] } = await sut.waitFor((s) => s.openOffers.length > 0, 'the first offer');

      await deactivate(sut, offer.expertId);

      const next = await sut.waitFor((s) => s.openOffers.some((o) => o.expertId !== offer.expertId), 'an offer to another expert');
      expect(next.openOffers.map((o) => o.expertId)).not.toContain(offer.expertId);
      const withdrawn = await sut.eventsOf('OfferWithdrawn');
      expect(withdrawn.map((e) => e.data)).toEqual([{ offerId: offer.offerId, expertId: offer.expertId, reason: { code: 'reason.expert_deactivated' } }]);
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
      const { sut, lead } = await aTeamInPreparation();

      await sut.handle.signal(expertDeactivated, { expertId: lead, actor: COORDINATOR });
      const failure = await updateFailure(() => sut.handle.executeUpdate(holdSession, { args: [{ outcomes: 'agreed', actor: expert(lead) }] }));

      expect(failure.type).toBe(CASE_FAILURE.forbidden);
      expect(await sut.eventsOf('PreparatorySessionHeld')).toEqual([]);
      await sut.cancel();
    });
  });

  it('hands their open tasks back to the coordinator, escalates those due soon, and lets the coordinator complete or pass them on', async () => {
    await harness.withWorker(async () => {
      // The event is two days away, so the session is planned at the earliest notice and its tasks fall due within a day:
      // inside the window in which a returned task is escalated, with no time to skip.
      const eventDate = new Date((await harness.env.currentTimeMs()) + 2 * DAY).toISOString();
      const { sut, tasks, lead, support } = await aTeamInPreparation({ eventDate });
      const theirs = tasks.filter((t) => t.assigneeId === support);
      expect(theirs.length).toBeGreaterThan(0);
      expect(Date.parse(theirs[0].dueAt) - (await harness.env.currentTimeMs())).toBeLessThan(24 * HOUR);

      await deactivate(sut, support);

      const returned = await sut.waitFor((s) => theirs.every((t) => s.tasks.find((x) => x.taskId === t.taskId)?.assigneeId === null)
        && s.openEscalations.some((e) => e.trigger === 'expertDeactivated'), 'the tasks back with the coordinator');
      expect(returned.team.map((m) => m.expertId)).toEqual([lead]);
      expect((await sut.eventsOf('TaskReturned')).map((e) => (e.data as { taskId: string }).taskId).sort()).toEqual(theirs.map((t) => t.taskId).sort());
      expect((await sut.eventsOf('TeamMemberRemoved')).map((e) => e.data)).toEqual([{ expertId: support, reason: { code: 'reason.expert_deactivated' } }]);

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
      const { sut, lead, support } = await aTeamInPreparation();

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

  it('refuses to appoint as lead a member whose deactivation reached the case a moment before', async () => {
    await harness.withWorker(async () => {
      const { sut, lead, support } = await aTeamInPreparation();
      await deactivate(sut, lead);
      await sut.handle.signal(expertDeactivated, { expertId: support, actor: COORDINATOR });

      const failure = await updateFailure(() => sut.handle.executeUpdate(appointLead, { args: [{ expertId: support, actor: COORDINATOR }] }));

      expect(failure.type).toBe(CASE_FAILURE.notFound);
      expect(await sut.eventsOf('LeadAppointed')).toEqual([]);
      await sut.cancel();
    });
  });

  it('never records a team short of its size nor gives work to whoever left, when the last place is taken in the same moment', async () => {
    await harness.withWorker(async () => {
      for (let attempt = 0; attempt < 3; attempt++) {
        const sut = await startCase(harness, { category: 'CITIZEN_MEETING' });
        await sut.accept();
        const { openOffers: [offer] } = await sut.waitFor((s) => s.openOffers.length > 0, 'the first offer');
        await harness.experts.deactivate(offer.expertId);

        // The acceptance that fills the team and the deactivation of the same expert race each other.
        await Promise.all([
          sut.handle.executeUpdate(respondToOffer, { args: [{ offerId: offer.offerId, response: 'accept', actor: expert(offer.expertId) }] }).catch(() => undefined),
          sut.handle.signal(expertDeactivated, { expertId: offer.expertId, actor: COORDINATOR }),
        ]);
        // Both are in the history now; once the deactivation is applied the expert is neither offered the case nor on its team.
        const settled = await sut.waitFor((s) => !s.team.some((m) => m.expertId === offer.expertId) && !s.openOffers.some((o) => o.expertId === offer.expertId)
          && (s.openOffers.length > 0 || s.openEscalations.some((e) => e.subject === 'team') || s.tasks.length > 0), 'the deactivation applied');
        if (settled.openEscalations.some((e) => e.subject === 'team')) {
          // The team was assembled before the deactivation arrived: the coordinator puts someone else on it by hand.
          const others = (await harness.experts.list({ active: 'true', page: 1, pageSize: 50 } as never)).items;
          await sut.handle.executeUpdate(assignExpert, { args: [{ expertId: others[0].expertId, actor: COORDINATOR }] });
        } else if (settled.stage === 'Matching') {
          await sut.acceptOffersUntilTeamAssembled();
        }
        const preparing = await sut.waitFor((s) => s.tasks.some((t) => t.status === 'open' && t.assigneeId !== null), 'the tasks');

        for (const assembled of await sut.eventsOf('TeamAssembled')) {
          expect((assembled.data as { members: unknown[] }).members.length).toBeGreaterThan(0);
        }
        expect(preparing.team.map((m) => m.expertId)).not.toContain(offer.expertId);
        expect(preparing.tasks.filter((t) => t.status === 'open').map((t) => t.assigneeId)).not.toContain(offer.expertId);
        expect(preparing.team.filter((m) => m.role === 'lead')).toHaveLength(1);
        await sut.cancel();
      }
    });
  });

  it('lets the coordinator put a new expert by hand on a team its only member left after matching, who then leads and gets the work', async () => {
    await harness.withWorker(async () => {
      const sut = await startCase(harness, { category: 'CITIZEN_MEETING' });
      await sut.accept();
      const assembled = await sut.acceptOffersUntilTeamAssembled();
      expect(assembled.team).toHaveLength(1);
      const [{ expertId: only }] = assembled.team;
      await sut.waitFor((s) => s.tasks.length > 0, 'the tasks');

      await deactivate(sut, only);

      const emptied = await sut.waitFor((s) => s.team.length === 0 && s.openEscalations.some((e) => e.subject === 'team'), 'the request for a new member');
      const other = (await harness.experts.list({ active: 'true', page: 1, pageSize: 20 } as never)).items
        .map((e: { expertId: string }) => e.expertId).find((id: string) => id !== only)!;
      const assigned = await sut.handle.executeUpdate(assignExpert, { args: [{ expertId: other, actor: COORDINATOR }] });
      expect(assigned.team).toEqual([expect.objectContaining({ expertId: other, role: 'lead' })]);
      for (const task of emptied.tasks.filter((t) => t.status === 'open')) {
        await sut.handle.executeUpdate(reassignTask, { args: [{ taskId: task.taskId, expertId: other, actor: COORDINATOR }] });
        await sut.handle.executeUpdate(completeTask, { args: [{ taskId: task.taskId, outcome: 'done', actor: expert(other) }] });
      }
      const secondByHand = await updateFailure(() => sut.handle.executeUpdate(assignExpert, { args: [{ expertId: only, actor: COORDINATOR }] }));
      expect([CASE_FAILURE.conflict, CASE_FAILURE.notFound]).toContain(secondByHand.type);
      const held = await sut.handle.executeUpdate(holdSession, { args: [{ outcomes: 'agreed', actor: expert(other) }] });
      expect(held.stage).toBe('Intervention');
      await sut.cancel();
    });
  });
});

describe('the conflict-of-interest rule holds for every way onto a team', () => {
  let harness: WorkflowHarness;
  let fromZoetermeer: string;

  beforeAll(async () => {
    harness = await createWorkflowHarness();
    await anExpertPool(harness, Array.from({ length: 3 }, () => ({})));
    // Lives in Zoetermeer (GM0637), the municipality the cases below come from.
    [fromZoetermeer] = await anExpertPool(harness, [{ homeMunicipalityCode: 'GM0637', safetyRegion: 'haaglanden' }]);
  });
  afterAll(() => harness?.close());

  it('refuses to put an expert by hand on a case of their own municipality', async () => {
    await harness.withWorker(async () => {
      const sut = await startCase(harness, { category: 'CITIZEN_MEETING' });
      await sut.accept();
      await sut.waitFor((s) => s.openOffers.length > 0, 'the first offer');

      const failure = await updateFailure(() => sut.handle.executeUpdate(assignExpert, { args: [{ expertId: fromZoetermeer, actor: COORDINATOR }] }));

      expect(failure.type).toBe(CASE_FAILURE.conflict);
      expect(failure.details).toEqual([{ code: 'conflict_of_interest_own_municipality', params: { expertId: fromZoetermeer } }]);
      expect(await sut.eventsOf('ExpertAssignedManually')).toEqual([]);
      await sut.cancel();
    });
  });

  it('refuses an acceptance by an expert who declared a conflict with the municipality after the offer was made', async () => {
    await harness.withWorker(async () => {
      const sut = await startCase(harness, { category: 'CITIZEN_MEETING' });
      await sut.accept();
      const { openOffers: [offer] } = await sut.waitFor((s) => s.openOffers.length > 0, 'the first offer');
      await harness.experts.update(offer.expertId, { conflictMunicipalityCodes: ['GM0637'] } as never);

      const failure = await updateFailure(() =>
        sut.handle.executeUpdate(respondToOffer, { args: [{ offerId: offer.offerId, response: 'accept', actor: expert(offer.expertId) }] }));

      expect(failure.type).toBe(CASE_FAILURE.conflict);
      expect(failure.details).toEqual([{ code: 'offer_conflict_of_interest', params: { expertId: offer.expertId } }]);
      expect(await sut.eventsOf('OfferAccepted')).toEqual([]);
      // The offer they may never take is withdrawn, and the place goes to someone else; nothing expired early.
      const next = await sut.waitFor((s) => s.openOffers.some((o) => o.expertId !== offer.expertId), 'an offer to someone else');
      expect(next.openOffers.map((o) => o.expertId)).not.toContain(offer.expertId);
      expect((await sut.eventsOf('OfferWithdrawn')).map((e) => e.data)).toEqual([
        { offerId: offer.offerId, expertId: offer.expertId, reason: { code: 'reason.conflict_of_interest', params: { conflict: { code: 'conflict.declared' } } } },
      ]);
      expect(await sut.eventsOf('OfferExpired')).toEqual([]);
      expect(await sut.eventsOf('EscalationRaised')).toEqual([]);
      await sut.cancel();
    });
  });
});
