import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { createEventActivities } from '../../../activities/event.activities';
import { VersionConflictError } from '../../../src/event-store/event-store.errors';
import type { AppendRequest, AppendResult, EventStore } from '../../../src/event-store/event-store.port';
import { aSupportRequest, requestReceived } from '../../support/case-fixtures';

/** An event store double that records what it was asked and answers as told. */
function anEventStore(answer: (request: AppendRequest) => Promise<AppendResult>) {
  const requests: AppendRequest[] = [];
  const store: EventStore = {
    append: (request) => {
      requests.push(request);
      return answer(request);
    },
    readStream: async () => [],
    verify: async () => { throw new Error('not used'); },
  };
  return { store, requests };
}

describe('recordCaseEvents', () => {
  const request = aSupportRequest();
  const input = { caseId: request.caseId, expectedVersion: 0, events: [requestReceived(request)], idempotencyKey: randomUUID() };

  it('appends with the causation of the activity that runs it', async () => {
    const { store, requests } = anEventStore(async () => ({ caseId: request.caseId, fromVersion: 1, toVersion: 1, deduplicated: false }));
    const env = new MockActivityEnvironment({ activityId: 'act-7', workflowExecution: { workflowId: 'case-x', runId: 'run-1' } });
    const sut = createEventActivities({ eventStore: store });

    const result = (await env.run(sut.recordCaseEvents, input)) as AppendResult;

    expect(result.toVersion).toBe(1);
    expect(requests[0]).toMatchObject({ ...input, causation: { workflowId: 'case-x', runId: 'run-1', activityId: 'act-7' } });
  });

  it('turns a version conflict into a failure Temporal will not retry', async () => {
    const { store } = anEventStore(async () => { throw new VersionConflictError(request.caseId, 0, 2); });
    const sut = createEventActivities({ eventStore: store });

    const error = await new MockActivityEnvironment().run(sut.recordCaseEvents, input).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({ nonRetryable: true, type: 'VersionConflictError' });
  });

  it('lets a database outage through as a retryable error', async () => {
    const outage = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    const { store } = anEventStore(async () => { throw outage; });
    const sut = createEventActivities({ eventStore: store });

    await expect(new MockActivityEnvironment().run(sut.recordCaseEvents, input)).rejects.toBe(outage);
  });
});
