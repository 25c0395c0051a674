import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { SupportRequest } from '../../src/domain/support-request';
import { weighAssignment } from '../../src/domain/manual-assignment';
import { PostgresExpertDirectory } from '../../src/expert-directory/postgres-expert-directory';
import { CASE_FAILURE, assignExpert } from '../../workflows/messages';
import { anExpertPool, startCase, type CaseDriver } from '../support/case-driver';
import { COORDINATOR } from '../support/case-fixtures';
import { createWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';

const UTRECHT = { municipalityCode: 'GM0344', municipality: 'Utrecht', safetyRegion: 'utrecht' } as const;

/** The refusal an update met in its validator or handler. */
async function updateFailure(send: () => Promise<unknown>): Promise<ApplicationFailure> {
  const error = await send().then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
}

describe('when a coordinator assigns an expert by hand', () => {
  let harness: WorkflowHarness;
  let fromUtrecht: string[];

  // Each test gets a time-skipping server of its own: a later test's ten-day skip then wakes no earlier test's case,
  // whose timers and ladders once kept the skip from returning on a loaded machine.
  beforeEach(async () => {
    harness = await createWorkflowHarness();
    // Everyone in the pool lives in Utrecht, so a request from Utrecht finds nobody eligible and escalates the failed match.
    fromUtrecht = await anExpertPool(harness, Array.from({ length: 4 }, () => ({ homeMunicipalityCode: 'GM0344' })));
  });
  afterEach(() => harness?.close());

  /** A case from Utrecht whose matching has failed and escalated, waiting for the coordinator. */
  async function aFailedMatch(overrides: Partial<SupportRequest> = {}): Promise<CaseDriver> {
    const sut = await startCase(harness, { ...UTRECHT, category: 'INCIDENT', ...overrides });
    await sut.accept();
    await sut.waitFor((s) => s.openEscalations.some((e) => e.trigger === 'failedMatch'), 'the failed-match escalation');
    return sut;
  }

  /**
   * An expert from Amersfoort who covers incidents, fit for a Utrecht case unless a spec says otherwise. Away for good,
   * so that matching never offers them anything: only a coordinator puts them on a case.
   */
  const anAmersfoortExpert = async (spec: Parameters<typeof anExpertPool>[1][number] = {}) => (await anExpertPool(harness, [{
    homeMunicipalityCode: 'GM0307', categories: ['INCIDENT'], unavailable: [{ from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' }], ...spec,
  }]))[0];

  describe('and the expert lives in the case\'s municipality', () => {
    it('refuses the assignment with the code of the conflict and records nothing', async () => {
      await harness.withWorker(async () => {
        const sut = await aFailedMatch();

        const failure = await updateFailure(() => sut.handle.executeUpdate(assignExpert, { args: [{ expertId: fromUtrecht[0], actor: COORDINATOR }] }));

        expect(failure).toMatchObject({ type: CASE_FAILURE.conflict, message: expect.stringMatching(/lives and works in the requesting municipality/) });
        expect(failure.details).toEqual([{ code: 'conflict_of_interest_own_municipality', params: { expertId: fromUtrecht[0] } }]);
        expect(await sut.eventsOf('ExpertAssignedManually')).toEqual([]);
        await sut.cancel();
      });
    });

    it('assigns them on an override, recording its reason and the warning', async () => {
      await harness.withWorker(async () => {
        const sut = await aFailedMatch();

        const answer = await sut.handle.executeUpdate(assignExpert, {
          args: [{ expertId: fromUtrecht[1], override: { reason: '  Moved here last month; the mayor asked for her.  ' }, actor: COORDINATOR }],
        });

        expect(answer.warnings).toEqual(['conflict_overridden']);
        expect(answer.team.map((m) => m.expertId)).toEqual([fromUtrecht[1]]);
        const [assigned] = await sut.eventsOf('ExpertAssignedManually');
        expect(assigned).toMatchObject({
          schemaVersion: 2,
          data: { expertId: fromUtrecht[1], warnings: ['conflict_overridden'], override: { conflict: 'own_municipality', reason: 'Moved here last month; the mayor asked for her.' } },
        });
        await sut.cancel();
      });
    });

    it('refuses an override whose reason is blank', async () => {
      await harness.withWorker(async () => {
        const sut = await aFailedMatch();

        const failure = await updateFailure(() => sut.handle.executeUpdate(assignExpert, { args: [{ expertId: fromUtrecht[0], override: { reason: ' \u200b ' }, actor: COORDINATOR }] }));

        expect(failure).toMatchObject({ type: CASE_FAILURE.invalidInput, message: expect.stringMatching(/override\.reason/) });
        await sut.cancel();
      });
    });
  });

  describe('and the expert has declared a conflict with the municipality after the coordinator looked', () => {
    it('refuses the assignment, since the workflow weighs it with the pool as it is then', async () => {
      await harness.withWorker(async () => {
        const sut = await aFailedMatch();
        const expertId = await anAmersfoortExpert();
        // What the API's own check saw: no conflict.
        const looked = await new PostgresExpertDirectory(harness.db.dataSource).profile(expertId);
        expect(weighAssignment(looked!, { category: 'INCIDENT', municipalityCode: UTRECHT.municipalityCode })).toEqual({ allowed: true, warnings: [] });

        await harness.experts.update(expertId, { conflictMunicipalityCodes: ['GM0344'] });
        const failure = await updateFailure(() => sut.handle.executeUpdate(assignExpert, { args: [{ expertId, actor: COORDINATOR }] }));

        expect(failure.details).toEqual([{ code: 'conflict_of_interest_declared', params: { expertId } }]);
        expect((await sut.state()).team).toEqual([]);
        await sut.cancel();
      });
    });
  });

  describe('and the expert does not cover the category and is at capacity', () => {
    it('assigns them and records both warnings', async () => {
      await harness.withWorker(async () => {
        const expertId = await anAmersfoortExpert({ categories: ['CITIZEN_MEETING', 'INCIDENT'], capacity: 1 });
        const first = await aFailedMatch();
        await first.handle.executeUpdate(assignExpert, { args: [{ expertId, actor: COORDINATOR }] });
        const second = await aFailedMatch({ category: 'SHELTER_SUPPORT' });

        const answer = await second.handle.executeUpdate(assignExpert, { args: [{ expertId, actor: COORDINATOR }] });

        expect(answer.warnings).toEqual(['lacks_category', 'over_capacity']);
        expect((await second.eventsOf('ExpertAssignedManually')).map((e) => e.data)).toEqual([
          { expertId, expertName: expect.any(String), warnings: ['lacks_category', 'over_capacity'] },
        ]);
        expect((await first.eventsOf('ExpertAssignedManually')).map((e) => e.data)).toEqual([{ expertId, expertName: expect.any(String), warnings: [] }]);
        await first.cancel();
        await second.cancel();
      });
    });
  });

  describe('and the assignment completes the team', () => {
    it('resolves the failed-match escalation, stops its ladder, and the case can be closed', async () => {
      await harness.withWorker(async () => {
        const sut = await aFailedMatch();
        const expertId = await anAmersfoortExpert();

        await sut.handle.executeUpdate(assignExpert, { args: [{ expertId, actor: COORDINATOR }] });
        const resolved = await sut.waitFor((s) => s.stage !== 'Matching' && s.openEscalations.length === 0, 'the escalation resolved');

        expect(resolved.escalationCount).toBe(1);
        expect((await sut.eventsOf('EscalationResolved')).map((e) => [e.schemaVersion, e.data])).toEqual([
          [2, { escalationId: 'esc-1', outcome: 'causeResolved', resolution: 'teamAssembled' }],
        ]);
        await expect(harness.env.client.workflow.getHandle(`${sut.handle.workflowId}-esc-1`).result())
          .resolves.toMatchObject({ escalationId: 'esc-1', outcome: 'acknowledged', level: 1 });

        await sut.prepareAndHoldSession();
        await sut.reportAfterEvent();
        await sut.completeFollowUps();
        const closed = await sut.evaluateAndClose();
        expect(closed.stage).toBe('Closed');
        await sut.handle.result();
        await sut.awaitArchive();
      });
      // The whole life of a case, some twenty decisions and time skips.
    }, 120_000);
  });
});
