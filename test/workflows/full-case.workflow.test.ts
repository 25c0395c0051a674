import type { CaseCategory } from '../../src/domain/case.vocabulary';
import { DAY } from '../../src/domain/durations';
import type { SupportRequest } from '../../src/domain/support-request';
import { anExpertPool, startCase as startCaseIn } from '../support/case-driver';
import { createWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';

describe('a whole case on the time-skipping server', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await createWorkflowHarness();
    await anExpertPool(harness, Array.from({ length: 6 }, () => ({})));
  });
  afterAll(() => harness?.close());

  const startCase = (overrides: Partial<SupportRequest> = {}) => startCaseIn(harness, overrides);

  async function recordedTypes(caseId: string): Promise<string[]> {
    return (await harness.eventStore.readStream(caseId)).map((event) => event.type);
  }

  describe.each<[CaseCategory, number, number]>([
    ['SHELTER_SUPPORT', 2, 3],
    ['CITIZEN_MEETING', 1, 3],
    ['THREAT_TO_OFFICIAL', 2, 3],
    ['INCIDENT', 1, 2],
  ])('for a %s request at low risk', (category, teamSize, taskCount) => {
    it('runs from request to closure with exactly the expected events on a valid chain', async () => {
      await harness.withWorker(async () => {
        const sut = await startCase({ category });
        await sut.accept();
        const assembled = await sut.acceptOffersUntilTeamAssembled();
        expect(assembled.team).toHaveLength(teamSize);
        await sut.prepareAndHoldSession();
        await sut.reportAfterEvent('calm');
        const started = Date.now();
        const followedUp = await sut.completeFollowUps();
        const offsets = followedUp.followUps.map((f) => Math.round((Date.parse(f.dueAt) - Date.parse(followedUp.eventDate!)) / DAY));
        // Three months of check-ins for a threatened office holder pass in seconds of test time.
        expect(offsets).toEqual(category === 'THREAT_TO_OFFICIAL' ? [7, 30, 90] : [7, 30]);
        expect(Date.now() - started).toBeLessThan(30_000);
        const closed = await sut.evaluateAndClose();
        expect(closed.stage).toBe('Closed');
        expect(await sut.handle.result()).toMatchObject({ stage: 'Closed' });
        await sut.awaitArchive();

        const followUps = category === 'THREAT_TO_OFFICIAL' ? 3 : 2;
        expect(await recordedTypes(closed.caseId)).toEqual([
          'RequestReceived', 'IntakeAssessed', 'RequestAccepted',
          ...Array.from({ length: teamSize }, () => ['ExpertOffered', 'OfferAccepted']).flat(),
          'TeamAssembled', 'PreparatorySessionScheduled',
          ...Array(taskCount).fill('TaskAssigned'), ...Array(taskCount).fill('TaskCompleted'),
          'PreparatorySessionHeld', 'InterventionReported',
          ...Array(followUps).fill('FollowUpScheduled'), ...Array(followUps).fill('FollowUpCompleted'),
          'CaseEvaluated', 'CaseClosed', ...Array(1 + closed.escalationCount).fill('HistoryArchived'),
        ]);
        expect(await harness.eventStore.verify(closed.caseId)).toMatchObject({ valid: true });
      });
    });
  });
});
