import { WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { SupportRequest } from '../../src/domain/support-request';
import { CASE_FAILURE, cancelCase, closeCase, getCase, triage } from '../../workflows/messages';
import { COORDINATOR, aSupportRequest } from '../support/case-fixtures';
import { createWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';
import { SealedFieldsOpener } from '../../src/field-encryption/sealed-fields-opener';

describe('the supportCase workflow', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await createWorkflowHarness();
  });
  afterAll(() => harness?.close());

  function startCase(request: SupportRequest = aSupportRequest()) {
    return harness.env.client.workflow.start('supportCase', {
      workflowId: `case-${request.caseId}`,
      taskQueue: harness.taskQueue,
      args: [{ request, registeredBy: COORDINATOR }],
    });
  }

  async function recordedTypes(caseId: string): Promise<string[]> {
    return (await harness.eventStore.readStream(caseId)).map((event) => event.type);
  }

  /** The first detail of a refusal of one field: the field, and its problem's code. */
  const refusedField = (field: string, problem: string) => ({ code: 'invalid_input', params: {}, fields: [{ field, issues: [{ code: problem, params: {} }] }] });

  async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
    const error = await promise.then(() => undefined, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (error as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    return cause as ApplicationFailure;
  }

  async function cancel(handle: Awaited<ReturnType<typeof startCase>>): Promise<void> {
    await handle.executeUpdate(cancelCase, { args: [{ reason: 'test finished', actor: COORDINATOR }] });
    await handle.result();
    await harness.awaitArchive(handle.workflowId.replace(/^case-/, ''));
  }

  describe('when the coordinator accepts the request', () => {
    it('records the intake and the acceptance, in order, on a valid chain, and moves on to matching', async () => {
      const request = aSupportRequest({ indicators: { ...aSupportRequest().indicators, threatsReceived: true, onlineAgitation: true } });
      await harness.withWorker(async () => {
        const sut = await startCase(request);

        const accepted = await sut.executeUpdate(triage, { args: [{ decision: 'accept', actor: COORDINATOR }] });

        expect(accepted).toMatchObject({ stage: 'Matching', version: 3, riskLevel: 'HIGH' });
        await cancel(sut);
      });
      expect((await recordedTypes(request.caseId)).slice(0, 3)).toEqual(['RequestReceived', 'IntakeAssessed', 'RequestAccepted']);
      expect(await harness.eventStore.verify(request.caseId)).toMatchObject({ valid: true });
    });

    it('records the risk that the intake assessment computed from the indicators', async () => {
      const request = aSupportRequest({
        category: 'THREAT_TO_OFFICIAL',
        indicators: { threatsReceived: true, officeHolderPersonallyTargeted: true, onlineAgitation: true, mediaAttention: 'national', priorIncidents: 0, expectedAttendance: 0 },
      });
      await harness.withWorker(async () => {
        const sut = await startCase(request);
        await sut.executeUpdate(triage, { args: [{ decision: 'accept', actor: COORDINATOR }] });

        expect(await sut.query(getCase)).toMatchObject({ stage: 'Matching', riskLevel: 'CRITICAL' });
        await cancel(sut);
      });
      const assessed = (await harness.eventStore.readStream(request.caseId))[1];
      expect(assessed).toMatchObject({ type: 'IntakeAssessed', actor: { role: 'system' }, data: { riskLevel: 'CRITICAL', score: 11 } });
    });
  });

  describe('when the coordinator rejects the request with a reason', () => {
    it('records the rejection with its reason and ends the case', async () => {
      const request = aSupportRequest();
      await harness.withWorker(async () => {
        const sut = await startCase(request);

        await sut.executeUpdate(triage, { args: [{ decision: 'reject', reason: ' Geen rol voor de brigade ', actor: COORDINATOR }] });

        expect(await sut.result()).toEqual({ caseId: request.caseId, stage: 'Rejected', version: 3 });
        await harness.awaitArchive(request.caseId);
      });
      // Opened as a coordinator reads them: the stored reason is sealed under the case's key.
      const events = await new SealedFieldsOpener(harness.db.keyStore).openEvents(await harness.eventStore.readStream(request.caseId));
      expect(events.map((e) => e.type)).toEqual(['RequestReceived', 'IntakeAssessed', 'RequestRejected', 'HistoryArchived']);
      expect(events[2]).toMatchObject({ data: { reason: 'Geen rol voor de brigade' }, actor: COORDINATOR });
    });
  });

  describe('when a decision is refused by the validator', () => {
    it.each([
      ['a rejection without a reason', { decision: 'reject', actor: COORDINATOR }, CASE_FAILURE.invalidInput, refusedField('reason', 'required')],
      ['a rejection whose reason is empty to the eye', { decision: 'reject', reason: '\u200B\u202E\u2069\u3164', actor: COORDINATOR }, CASE_FAILURE.invalidInput,
        refusedField('reason', 'required')],
      ['an unknown decision', { decision: 'maybe', actor: COORDINATOR }, CASE_FAILURE.invalidInput, refusedField('decision', 'not_a_choice')],
      ['a decision by an expert', { decision: 'accept', actor: { role: 'expert', id: 'e-1' } }, CASE_FAILURE.forbidden, { code: 'coordinator_only', params: {} }],
    ])('refuses %s with its code and records nothing for it', async (_name, decision, type, detail) => {
      const request = aSupportRequest();
      await harness.withWorker(async () => {
        const sut = await startCase(request);

        const failure = await failureOf(sut.executeUpdate(triage, { args: [decision as never] }));

        expect(failure.type).toBe(type);
        expect(failure.details).toEqual([detail]);
        await sut.executeUpdate(triage, { args: [{ decision: 'accept', actor: COORDINATOR }] });
        await cancel(sut);
      });
      expect((await recordedTypes(request.caseId)).slice(0, 3)).toEqual(['RequestReceived', 'IntakeAssessed', 'RequestAccepted']);
    });

    it('refuses a second triage decision as a conflict', async () => {
      await harness.withWorker(async () => {
        const request = aSupportRequest();
        const sut = await startCase(request);
        await sut.executeUpdate(triage, { args: [{ decision: 'accept', actor: COORDINATOR }] });

        const failure = await failureOf(sut.executeUpdate(triage, { args: [{ decision: 'reject', reason: 'late', actor: COORDINATOR }] }));

        expect(failure.type).toBe(CASE_FAILURE.conflict);
        expect(failure.details).toEqual([{ code: 'triage_decided', params: {} }]);
        // Matching may already have recorded its first offer; what matters is that the refused decision recorded nothing.
        expect(await sut.query(getCase)).toMatchObject({ stage: 'Matching' });
        const triageEvents = (await recordedTypes(request.caseId)).filter((type) => type === 'RequestAccepted' || type === 'RequestRejected');
        expect(triageEvents).toEqual(['RequestAccepted']);
        await cancel(sut);
      });
    });

    it('refuses to close a case that was never accepted', async () => {
      await harness.withWorker(async () => {
        const sut = await startCase();

        const failure = await failureOf(sut.executeUpdate(closeCase, { args: [{ actor: COORDINATOR }] }));

        expect(failure.type).toBe(CASE_FAILURE.conflict);
        // Before the intake is assessed, or after.
        expect(failure.details).toEqual([{ code: 'wrong_stage', params: { stage: expect.stringMatching(/^(Intake|Triage)$/), stages: 'Evaluation' } }]);
        await cancel(sut);
      });
    });

    it('applies only one of two decisions sent at the same moment', async () => {
      const request = aSupportRequest();
      await harness.withWorker(async () => {
        const sut = await startCase(request);

        const outcomes = await Promise.allSettled([
          sut.executeUpdate(triage, { args: [{ decision: 'accept', actor: COORDINATOR }] }),
          sut.executeUpdate(triage, { args: [{ decision: 'reject', reason: 'duplicate', actor: COORDINATOR }] }),
        ]);

        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        // A winning rejection ends the workflow by itself (while it archives, it may still be running a moment);
        // an acceptance leaves it waiting for closure.
        if (outcomes[1].status === 'fulfilled') {
          await sut.result();
          await harness.awaitArchive(request.caseId);
        } else await cancel(sut);
      });
      const types = await recordedTypes(request.caseId);
      expect(types.filter((type) => type === 'RequestAccepted' || type === 'RequestRejected')).toHaveLength(1);
      expect(['RequestAccepted', 'RequestRejected']).toContain(types[2]);
    });
  });

  describe('when the cancellation arrives in the same moment as the start (update-with-start)', () => {
    it('registers the case first and then cancels it, instead of failing the workflow task', async () => {
      const request = aSupportRequest();
      await harness.withWorker(async () => {
        const start = new WithStartWorkflowOperation('supportCase', {
          workflowId: `case-${request.caseId}`, taskQueue: harness.taskQueue, args: [{ request, registeredBy: COORDINATOR }],
          workflowIdConflictPolicy: 'FAIL',
        });

        const cancelled = await harness.env.client.workflow.executeUpdateWithStart(cancelCase, {
          args: [{ reason: 'sent by mistake', actor: COORDINATOR }], startWorkflowOperation: start,
        });

        expect(cancelled.stage).toBe('Cancelled');
        expect(await (await start.workflowHandle()).result()).toMatchObject({ stage: 'Cancelled' });
        await harness.awaitArchive(request.caseId);
      });
      const types = await recordedTypes(request.caseId);
      expect(types[0]).toBe('RequestReceived');
      expect(types.slice(-2)).toEqual(['CaseCancelled', 'HistoryArchived']);
    });
  });

  describe('when the coordinator cancels the request the moment it is started', () => {
    it('records the cancellation after the registration, never before or instead of it', async () => {
      const request = aSupportRequest();
      await harness.withWorker(async () => {
        const sut = await startCase(request);

        const cancelled = await sut.executeUpdate(cancelCase, { args: [{ reason: 'sent by mistake', actor: COORDINATOR }] });
        await sut.result();
        await harness.awaitArchive(request.caseId);

        expect(cancelled.stage).toBe('Cancelled');
      });
      const types = await recordedTypes(request.caseId);
      expect(types[0]).toBe('RequestReceived');
      expect(types.slice(-2)).toEqual(['CaseCancelled', 'HistoryArchived']);
      expect(await harness.eventStore.verify(request.caseId)).toMatchObject({ valid: true });
    });
  });
});
