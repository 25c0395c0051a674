import { HttpException } from '@nestjs/common';
import { QueryNotRegisteredError, ServiceError, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { CaseWorkflowClient } from '../../../src/cases/case-workflow.client';
import type { BrigadeConfig } from '../../../src/config/brigade-config';
import type { CaseState } from '../../../src/domain/case.state';
import type { CaseReadModel } from '../../../src/read-model/case-read-model.port';
import { changeRisk, evaluateCase, expertDeactivated } from '../../../workflows/messages';

const CASE_ID = '5b1d2a4e-0000-4000-8000-0000000000c1';
const ACTOR = { role: 'coordinator', id: 'c.jansen' } as const;
const RUNNING = { caseId: CASE_ID, stage: 'Preparation' } as CaseState;

/** What the stubbed Temporal client does for each call a handle makes; unset calls succeed with nothing. */
interface TemporalAnswers {
  start?: () => Promise<unknown>;
  describe?: () => Promise<unknown>;
  executeUpdate?: () => Promise<unknown>;
  signal?: () => Promise<unknown>;
  query?: () => Promise<unknown>;
}

// The SDK client is stubbed here only: this suite is about the door's own translation of what Temporal answers.
function doorOver(answers: TemporalAnswers, recorded = false) {
  const signalled: unknown[] = [];
  const client = {
    withDeadline: <T>(_deadline: number, calls: () => Promise<T>) => calls(),
    workflow: {
      start: answers.start ?? (async () => undefined),
      getHandle: () => ({
        describe: answers.describe ?? (async () => ({})),
        executeUpdate: answers.executeUpdate ?? (async () => RUNNING),
        signal: async (...args: unknown[]) => {
          await answers.signal?.();
          signalled.push(args);
        },
        query: answers.query ?? (async () => RUNNING),
      }),
    },
  } as unknown as Client;
  const readModel = { find: async () => (recorded ? { caseId: CASE_ID } : null) } as unknown as CaseReadModel;
  const config = { taskQueue: 'brigade-test', temporalCallTimeoutMs: 1_000 } as BrigadeConfig;
  return { sut: new CaseWorkflowClient(client, readModel, config), signalled };
}

const notFound = () => Promise.reject(new WorkflowNotFoundError('workflow not found', `case-${CASE_ID}`, undefined));
const grpcFailure = (code: number) => new ServiceError('call failed', { cause: Object.assign(new Error(`${code}`), { code, details: '', metadata: {} }) });

/** The HTTP status and refusal code a rejection carries. */
async function answerOf(call: Promise<unknown>): Promise<{ status: number; code: unknown }> {
  const error = await call.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof HttpException)) throw new Error(`expected an HTTP answer, got ${String(error)}`);
  return { status: error.getStatus(), code: (error.getResponse() as { reason?: { code?: unknown } }).reason?.code };
}

describe('the door to a case workflow over Temporal', () => {
  describe('when starting a case', () => {
    it('answers with the workflow id of the case', async () => {
      const { sut } = doorOver({});

      await expect(sut.start(CASE_ID, {} as never, 'fp-1')).resolves.toEqual({ workflowId: `case-${CASE_ID}`, replayed: false });
    });

    it('finds the case a repeat of the same request started, and refuses another request under its id with 422', async () => {
      const started = () => Promise.reject(new WorkflowExecutionAlreadyStartedError('already started', `case-${CASE_ID}`, 'supportCase'));
      const { sut } = doorOver({ start: started, describe: async () => ({ memo: { requestFingerprint: 'fp-1' } }) });

      await expect(sut.start(CASE_ID, {} as never, 'fp-1')).resolves.toEqual({ workflowId: `case-${CASE_ID}`, replayed: true });
      expect(await answerOf(sut.start(CASE_ID, {} as never, 'fp-2'))).toEqual({ status: 422, code: 'idempotency_key_reused' });
    });
  });

  describe('when a decision finds no workflow', () => {
    it('answers 409 for a recorded case, whose workflow has ended, and 404 for a case never registered', async () => {
      const decide = (recorded: boolean) => doorOver({ executeUpdate: notFound }, recorded).sut.decide(CASE_ID, evaluateCase, { summary: 'Goed', actor: ACTOR });

      expect(await answerOf(decide(true))).toEqual({ status: 409, code: 'case_ended' });
      expect(await answerOf(decide(false))).toEqual({ status: 404, code: 'case_not_found' });
    });
  });

  it.each([[10, 'aborted'], [9, 'not ready for updates']])('answers 503 temporal_busy for an update Temporal turned away (gRPC %i, %s)', async (code) => {
    const { sut } = doorOver({ executeUpdate: () => Promise.reject(grpcFailure(code)) });

    expect(await answerOf(sut.decide(CASE_ID, evaluateCase, { summary: 'Goed', actor: ACTOR }))).toEqual({ status: 503, code: 'temporal_busy' });
  });

  describe('when telling a fact the case must be ready for', () => {
    const change = { level: 'HIGH' as const, reason: 'Dreigbrief', actor: ACTOR };

    it('sends it when the live state shows the workflow will act on it', async () => {
      const { sut, signalled } = doorOver({});

      await sut.tell(CASE_ID, changeRisk, change, () => null);

      expect(signalled).toEqual([[changeRisk, change]]);
    });

    it('answers 409 and sends nothing while the case registers, or when the check refuses', async () => {
      const registering = doorOver({ query: async () => null });
      const refusing = doorOver({});

      expect(await answerOf(registering.sut.tell(CASE_ID, changeRisk, change, () => null))).toEqual({ status: 409, code: 'case_still_registering' });
      expect(await answerOf(refusing.sut.tell(CASE_ID, changeRisk, change, () => ({ code: 'risk_unchanged', params: {} }))))
        .toEqual({ status: 409, code: 'risk_unchanged' });
      expect([...registering.signalled, ...refusing.signalled]).toEqual([]);
    });

    it('answers 404 for a case without workflow or record', async () => {
      const { sut } = doorOver({ query: notFound });

      expect(await answerOf(sut.tell(CASE_ID, changeRisk, change, () => null))).toEqual({ status: 404, code: 'case_not_found' });
    });
  });

  it('tells a workflow that has ended nothing, without complaint', async () => {
    const { sut } = doorOver({ signal: notFound });

    await expect(sut.tellIfRunning(CASE_ID, expertDeactivated, { expertId: 'e-1', actor: ACTOR })).resolves.toBeUndefined();
  });

  describe('when reading the live state', () => {
    it('answers undefined when no such workflow exists', async () => {
      await expect(doorOver({ query: notFound }).sut.live(CASE_ID)).resolves.toBeUndefined();
    });

    it.each([
      ['the query is not registered yet', () => new QueryNotRegisteredError('Fatal error in workflow machines', 1)],
      ['the last workflow task has failed', () => grpcFailure(9)],
    ])('answers 503 temporal_busy when %s', async (_case, failure) => {
      const { sut } = doorOver({ query: () => Promise.reject(failure()) });

      expect(await answerOf(sut.live(CASE_ID))).toEqual({ status: 503, code: 'temporal_busy' });
    });
  });
});
