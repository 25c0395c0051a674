import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Actor } from '../../src/domain/case.vocabulary';
import {
  CASE_FAILURE, cancelCase, completeFollowUp, completeTask, holdSession, reportIntervention, respondToOffer, triage,
} from '../../workflows/messages';
import { anExpertPool, expert, startCase, type CaseDriver } from '../support/case-driver';
import { createWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';

const AUDITOR: Actor = { role: 'auditor', id: 'a.visser' };

// The API already keeps experts to their own steps; these tests send the updates straight to the workflow, as a bug
// in the API layer would, and expect the workflow's validators to refuse them and record nothing.
describe('the workflow checks the actor of every update again', () => {
  let harness: WorkflowHarness;
  let outsider: string;

  // Each test gets a time-skipping server of its own, so one test's time skips never wake another test's case.
  beforeEach(async () => {
    harness = await createWorkflowHarness();
    // The outsider lives in Zoetermeer, where the cases below come from, so matching never puts them on a team.
    [outsider] = await anExpertPool(harness, [{ homeMunicipalityCode: 'GM0637', safetyRegion: 'haaglanden' }]);
    await anExpertPool(harness, Array.from({ length: 5 }, () => ({})));
  });
  afterEach(() => harness?.close());

  async function refusal(sut: CaseDriver, send: () => Promise<unknown>): Promise<ApplicationFailure> {
    const versionBefore = (await sut.state()).version;
    const error = await send().then(() => undefined, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((await sut.state()).version).toBe(versionBefore);
    return (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
  }

  it('refuses an offer answered by anyone but the expert it was made to', async () => {
    await harness.withWorker(async () => {
      const sut = await startCase(harness);
      await sut.accept();
      const { openOffers: [offer] } = await sut.waitFor((s) => s.openOffers.length > 0, 'an offer');
      const someoneElse = offer.expertId === outsider ? 'f5b1a3c2-6d4e-4f8a-9b7c-1d2e3f4a5b6c' : outsider;

      for (const actor of [expert(someoneElse), AUDITOR, { role: 'coordinator', id: 'c.jansen' } as Actor]) {
        const failure = await refusal(sut, () => sut.handle.executeUpdate(respondToOffer, { args: [{ offerId: offer.offerId, response: 'accept', actor }] }));
        expect(failure.type).toBe(CASE_FAILURE.forbidden);
        expect(failure.details).toEqual([{ code: 'offer_not_yours', params: {} }]);
      }
      await sut.cancel();
    });
  });

  it('refuses a task completed by a team member who is not its assignee, a session or report by a member who is not the lead', async () => {
    await harness.withWorker(async () => {
      const sut = await startCase(harness, { category: 'SHELTER_SUPPORT' });
      await sut.accept();
      const assembled = await sut.acceptOffersUntilTeamAssembled();
      const lead = sut.lead(assembled);
      const support = expert(assembled.team.find((member) => member.role === 'support')!.expertId);
      const { tasks } = await sut.waitFor((s) => s.tasks.length > 0, 'the tasks');
      const task = tasks[0];
      const notAssignee = task.assigneeId === lead.id ? support : lead;

      const byOtherMember = await refusal(sut, () => sut.handle.executeUpdate(completeTask, { args: [{ taskId: task.taskId, outcome: 'done', actor: notAssignee }] }));
      const bySupport = await refusal(sut, () => sut.handle.executeUpdate(holdSession, { args: [{ outcomes: 'agreed', actor: support }] }));
      const byOutsider = await refusal(sut, () => sut.handle.executeUpdate(holdSession, { args: [{ outcomes: 'agreed', actor: expert(outsider) }] }));
      const byAuditor = await refusal(sut, () => sut.handle.executeUpdate(completeTask, { args: [{ taskId: task.taskId, outcome: 'done', actor: AUDITOR }] }));

      expect([byOtherMember, bySupport, byOutsider, byAuditor].map((failure) => failure.type)).toEqual(Array(4).fill(CASE_FAILURE.forbidden));
      expect(byOtherMember.details).toEqual([{ code: 'task_not_yours', params: {} }]);
      expect([bySupport, byOutsider].map((failure) => failure.details)).toEqual(Array(2).fill([{ code: 'lead_or_coordinator_only', params: {} }]));
      await sut.cancel();
    });
  });

  it('refuses an intervention report and a follow-up from anyone but the lead, and a coordinator step from an auditor or expert', async () => {
    await harness.withWorker(async () => {
      const sut = await startCase(harness, { category: 'SHELTER_SUPPORT' });
      await sut.accept();
      const assembled = await sut.acceptOffersUntilTeamAssembled();
      const support = expert(assembled.team.find((member) => member.role === 'support')!.expertId);
      await sut.prepareAndHoldSession();
      const state = await sut.state();
      await harness.env.sleep(Date.parse(state.eventDate!) - (await harness.env.currentTimeMs()) + 60_000);

      const reportBySupport = await refusal(sut, () => sut.handle.executeUpdate(reportIntervention, { args: [{ outcome: 'calm', notes: 'fine', actor: support }] }));
      const reportByOutsider = await refusal(sut, () => sut.handle.executeUpdate(reportIntervention, { args: [{ outcome: 'calm', notes: 'fine', actor: expert(outsider) }] }));
      await sut.reportAfterEvent('calm');
      const { followUps: [first] } = await sut.waitFor((s) => s.followUps.length > 0, 'the follow-ups');
      await harness.env.sleep(Date.parse(first.dueAt) - (await harness.env.currentTimeMs()) + 1_000);
      const followUpBySupport = await refusal(sut, () => sut.handle.executeUpdate(completeFollowUp, {
        args: [{ followUpId: first.followUpId, ongoingRisk: false, notes: 'quiet', actor: support }],
      }));
      const cancelByAuditor = await refusal(sut, () => sut.handle.executeUpdate(cancelCase, { args: [{ reason: 'not mine to do', actor: AUDITOR }] }));
      const cancelByExpert = await refusal(sut, () => sut.handle.executeUpdate(cancelCase, { args: [{ reason: 'not mine to do', actor: support }] }));

      expect([reportBySupport, reportByOutsider, followUpBySupport, cancelByAuditor, cancelByExpert].map((failure) => failure.type))
        .toEqual(Array(5).fill(CASE_FAILURE.forbidden));
      await sut.cancel();
    });
  });

  it('refuses a triage decision from an auditor', async () => {
    await harness.withWorker(async () => {
      const sut = await startCase(harness);
      await sut.waitFor((s) => s.stage === 'Triage', 'triage');

      const failure = await refusal(sut, () => sut.handle.executeUpdate(triage, { args: [{ decision: 'accept', actor: AUDITOR }] }));

      expect(failure.type).toBe(CASE_FAILURE.forbidden);
      await sut.cancel();
    });
  });
});
