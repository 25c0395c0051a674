import { MINUTE } from '../../src/domain/durations';
import { appointLead, completeTask, expertDeactivated } from '../../workflows/messages';
import { anExpertPool, expert, startCase } from '../support/case-driver';
import { COORDINATOR } from '../support/case-fixtures';
import { createWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';

describe('when the cause of an escalation goes away', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await createWorkflowHarness();
    await anExpertPool(harness, Array.from({ length: 8 }, () => ({})));
  });
  afterAll(() => harness?.close());

  /** A shelter case in preparation with a lead, a support member and their tasks. */
  async function aTeamInPreparation() {
    const sut = await startCase(harness, { category: 'SHELTER_SUPPORT' });
    await sut.accept();
    await sut.acceptOffersUntilTeamAssembled();
    const prepared = await sut.waitFor((s) => s.tasks.length > 0, 'the tasks');
    return { sut, prepared };
  }

  const resolvedData = async (sut: Awaited<ReturnType<typeof aTeamInPreparation>>['sut']) => (await sut.eventsOf('EscalationResolved')).map((e) => e.data);

  it('resolves the call for a new lead once the coordinator appoints one', async () => {
    await harness.withWorker(async () => {
      const { sut, prepared } = await aTeamInPreparation();
      const lead = prepared.team.find((m) => m.role === 'lead')!.expertId;
      const support = prepared.team.find((m) => m.role === 'support')!.expertId;
      await harness.experts.deactivate(lead);
      await sut.handle.signal(expertDeactivated, { expertId: lead, actor: COORDINATOR });
      const { openEscalations } = await sut.waitFor((s) => s.openEscalations.some((e) => e.subject === 'lead'), 'the call for a new lead');
      const { escalationId } = openEscalations.find((e) => e.subject === 'lead')!;

      await sut.handle.executeUpdate(appointLead, { args: [{ expertId: support, actor: COORDINATOR }] });
      await sut.waitFor((s) => !s.openEscalations.some((e) => e.subject === 'lead'), 'the call resolved');

      expect(await resolvedData(sut)).toContainEqual({ escalationId, outcome: 'causeResolved', resolution: 'leadAppointed' });
      await sut.cancel();
    });
  });

  it('resolves an overdue task\'s escalation once the task is completed, and its ladder climbs no further', async () => {
    await harness.withWorker(async () => {
      const { sut, prepared } = await aTeamInPreparation();
      const [first] = prepared.tasks;
      await harness.env.sleep(Date.parse(first.dueAt) - (await harness.env.currentTimeMs()) + MINUTE);
      const { openEscalations } = await sut.waitFor((s) => s.openEscalations.some((e) => e.subject === `task:${first.taskId}`), 'the overdue task escalated');
      const { escalationId } = openEscalations.find((e) => e.subject === `task:${first.taskId}`)!;

      await sut.handle.executeUpdate(completeTask, { args: [{ taskId: first.taskId, outcome: 'done late', actor: expert(first.assigneeId!) }] });
      await sut.waitFor((s) => !s.openEscalations.some((e) => e.escalationId === escalationId), 'the escalation resolved');

      expect(await resolvedData(sut)).toContainEqual({ escalationId, outcome: 'causeResolved', resolution: 'taskCompleted' });
      await expect(harness.env.client.workflow.getHandle(`${sut.handle.workflowId}-${escalationId}`).result())
        .resolves.toMatchObject({ outcome: 'acknowledged', level: 1 });
      await sut.cancel();
    });
  });
});
