import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { randomBytes, randomUUID } from 'node:crypto';
import { checkRecordedEvents } from '../../../src/audit/recorded-events-check';
import { AesGcmPayloadCodec } from '../../../src/crypto/aes-gcm-payload-codec';
import type { CaseEventPayloads } from '../../../src/domain/case.events';
import { DESTROYED, REDACTED } from '../../../src/domain/sensitive-fields';
import { findChainBreak } from '../../../src/event-store/hash-chain';
import { testFixtureCodec } from '../../support/payload-keys';
import {
  HISTORY_FIXTURES, caseFixtures, caseIdOf, chained, jsonOf, jsonPayload, recordedStream, type HistoryFixture, type JsonHistoryEvent,
  type UnchainedEvent,
} from '../../support/recorded-stream';

const codec = testFixtureCodec();
const HOUR = 60 * 60 * 1000;

/** The case's histories, with the stream the store would hold built from them independently, and a check of both. */
async function aRecordedCase(file: string) {
  const histories = caseFixtures(file);
  const caseId = caseIdOf(histories);
  const events = await recordedStream(histories, codec);
  return {
    caseId, histories, events,
    // A forger with database access re-chains what they changed, so the hash chain alone finds nothing.
    check: (stored: readonly UnchainedEvent[], recorded: readonly HistoryFixture[] = histories) => {
      const stream = chained(stored);
      expect(findChainBreak(stream)).toBeNull();
      return checkRecordedEvents(caseId, stream, recorded, codec);
    },
  };
}

const versionOf = (events: readonly UnchainedEvent[], type: string) => events.findIndex((event) => event.type === type) + 1;
const later = (iso: string) => new Date(Date.parse(iso) + HOUR).toISOString();

/** The event that ended the case workflow's last recording, to be altered in place. */
function lastRecordingClose(histories: readonly HistoryFixture[]): Record<string, unknown> & JsonHistoryEvent {
  const { history } = histories.find(({ workflowId }) => !/-esc-\d+$/.test(workflowId))!;
  const last = history.events.filter((event) => event.activityTaskScheduledEventAttributes?.activityType.name === 'recordCaseEvents').at(-1)!;
  return history.events.find((event) => event.activityTaskCompletedEventAttributes?.scheduledEventId === last.eventId)!;
}

describe('comparing the stored events with the events the workflow histories recorded', () => {
  it('has the recorded histories of real cases to compare with', () => {
    expect(HISTORY_FIXTURES.length).toBeGreaterThanOrEqual(13);
  });

  it.each(HISTORY_FIXTURES)('passes the untouched stream of the case of %s', async (file) => {
    const { caseId, events, check } = await aRecordedCase(file);

    const sut = await check(events);

    expect(events.length).toBeGreaterThan(0);
    expect(sut).toEqual({
      caseId, status: 'passed', comparedEvents: events.length, recordings: expect.any(Number), firstMismatch: null, problem: null,
    });
    expect(sut.recordings).toBeGreaterThan(0);
  });

  it('reads histories in the proto form Temporal returns them in, as well as in JSON', async () => {
    const { caseId, histories, events } = await aRecordedCase('lead-deactivated-in-preparation.json');
    const proto = histories.map(({ workflowId, history }) => ({ workflowId, history: historyFromJSON(history) }));

    const sut = await checkRecordedEvents(caseId, chained(events), proto, codec);

    expect(sut).toMatchObject({ status: 'passed', comparedEvents: events.length });
  });

  it('holds the recordings after a reset to have come from the run the reset started', async () => {
    const { events, histories, check } = await aRecordedCase('matching-rounds-then-cancelled.json');
    const { history } = histories.find(({ workflowId }) => !/-esc-\d+$/.test(workflowId))!;
    const baseRunId = history.events[0].workflowExecutionStartedEventAttributes!.originalExecutionRunId;
    const newRunId = randomUUID();
    // The last step appends two events; a reset just before it hands the rest of the history to a new run.
    const lastStep = history.events.findLastIndex((event) => event.activityTaskScheduledEventAttributes?.activityType.name === 'recordCaseEvents');
    history.events.splice(lastStep, 0, {
      eventId: '100000', eventType: 'EVENT_TYPE_WORKFLOW_TASK_FAILED',
      workflowTaskFailedEventAttributes: { cause: 'WORKFLOW_TASK_FAILED_CAUSE_RESET_WORKFLOW', baseRunId, newRunId },
    });
    const inNewRun = events.map((event, index) => index < events.length - 2 ? event : { ...event, causation: { ...event.causation, runId: newRunId } });

    await expect(check(inNewRun, histories)).resolves.toMatchObject({ status: 'passed' });
    await expect(check(events, histories)).resolves.toMatchObject({
      status: 'mismatch', firstMismatch: { version: events.length - 1, field: 'causation.runId', stored: baseRunId, recorded: newRunId },
    });
  });

  describe('when someone with database access rewrote the stream and re-chained it', () => {
    // Encrypted with the fixture key, and with an escalation ladder beside the case workflow.
    const file = 'lead-deactivated-in-preparation.json';

    it('names the changed risk level of the intake assessment', async () => {
      const { events, check } = await aRecordedCase(file);
      const version = versionOf(events, 'IntakeAssessed');
      const forged = events.map((event, index) => index === version - 1 ? { ...event, data: { ...event.data, riskLevel: 'CRITICAL' } } as UnchainedEvent : event);

      const sut = await check(forged);

      expect(sut).toMatchObject({ status: 'mismatch', firstMismatch: { version, field: 'data.riskLevel', stored: 'CRITICAL', recorded: 'LOW' } });
      expect(sut.problem).toContain(`version ${version} differs`);
    });

    it('names the first version of a chain rewritten from version 5 on', async () => {
      const { events, check } = await aRecordedCase(file);
      const forged = events.map((event, index) => index < 4 ? event
        : { ...event, occurredAt: later(event.occurredAt), actor: { role: 'coordinator', id: 'coordinator-forger' } } as UnchainedEvent);

      const sut = await check(forged);

      expect(events[4].actor.role).toBe('expert');
      expect(sut).toMatchObject({ status: 'mismatch', firstMismatch: { version: 5, field: 'actor.role', stored: 'coordinator', recorded: 'expert' } });
    });

    it('names the first of the last two events when they were deleted', async () => {
      const { events, check } = await aRecordedCase(file);

      const sut = await check(events.slice(0, -2));

      expect(sut).toMatchObject({
        status: 'mismatch', firstMismatch: { version: events.length - 1, field: null, stored: null, recorded: events.at(-2)!.type },
      });
      expect(sut.problem).toMatch(new RegExp(`^version ${events.length - 1} was recorded by case-.* but is not stored`));
    });

    it('names a forged event added at the end', async () => {
      const { events, check } = await aRecordedCase(file);
      const last = events.at(-1)!;
      const forged = { ...last, type: 'RiskLevelChanged', data: { from: 'LOW', to: 'HIGH', reason: 'forged' }, occurredAt: later(last.occurredAt) } as UnchainedEvent;

      const sut = await check([...events, forged]);

      expect(sut).toMatchObject({
        status: 'mismatch', comparedEvents: events.length,
        firstMismatch: { version: events.length + 1, field: null, stored: 'RiskLevelChanged', recorded: null },
        problem: `version ${events.length + 1} is stored but no workflow history recorded it`,
      });
    });

    it('names the first of two events swapped in order', async () => {
      const { events, check } = await aRecordedCase(file);
      const swapped = [...events.slice(0, 2), events[3], events[2], ...events.slice(4)];

      const sut = await check(swapped);

      expect(sut).toMatchObject({ status: 'mismatch', firstMismatch: { version: 3, field: 'type', stored: events[3].type, recorded: events[2].type } });
    });

    it('reports a changed description without showing either text', async () => {
      const { events, check } = await aRecordedCase(file);
      const { request } = events[0].data as CaseEventPayloads['RequestReceived'];
      const forgedText = 'a description nobody wrote';
      const forged = [{ ...events[0], data: { request: { ...request, description: forgedText } } } as UnchainedEvent, ...events.slice(1)];

      const sut = await check(forged);

      expect(sut).toMatchObject({ status: 'mismatch', firstMismatch: { version: 1, field: 'data.request.description', stored: REDACTED, recorded: REDACTED } });
      expect(JSON.stringify(sut)).not.toContain(forgedText);
      expect(JSON.stringify(sut)).not.toContain(request.description);
    });

    it('keeps the values out when the difference holds a sensitive field inside it', async () => {
      const { events, check } = await aRecordedCase(file);
      const { request } = events[0].data as CaseEventPayloads['RequestReceived'];

      const sut = await check([{ ...events[0], data: { request: null } } as unknown as UnchainedEvent, ...events.slice(1)]);

      expect(sut.firstMismatch).toMatchObject({ version: 1, field: 'data.request', stored: REDACTED, recorded: REDACTED });
      expect(JSON.stringify(sut)).not.toContain(request.description);
    });
  });

  describe('when a sensitive field cannot be opened', () => {
    const [file] = HISTORY_FIXTURES;

    it.each([
      ['its key was destroyed', DESTROYED],
      ['no key is at hand, as offline', { $sealed: 'case-x:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
    ])('holds it as not comparable rather than a mismatch when %s', async (_why, stored) => {
      const { events, check } = await aRecordedCase(file);
      const { request } = events[0].data as CaseEventPayloads['RequestReceived'];
      const unopened = [{ ...events[0], data: { request: { ...request, description: stored } } } as UnchainedEvent, ...events.slice(1)];

      const sut = await check(unopened);

      expect(sut).toMatchObject({ status: 'passed', firstMismatch: null });
    });

    it('still names a difference in a field that is not sensitive', async () => {
      const { events, check } = await aRecordedCase(file);
      const { request } = events[0].data as CaseEventPayloads['RequestReceived'];
      const forged = [{ ...events[0], data: { request: { ...request, description: DESTROYED, category: 'INCIDENT' } } } as UnchainedEvent, ...events.slice(1)];

      const sut = await check(forged);

      expect(sut).toMatchObject({ status: 'mismatch', firstMismatch: { version: 1, field: 'data.request.category' } });
    });
  });

  describe('when the recordings cannot be read', () => {
    it('is unavailable without the history of the case workflow', async () => {
      const { caseId, events, histories, check } = await aRecordedCase('lead-deactivated-in-preparation.ladder-1.json');

      const sut = await check(events, histories.filter(({ workflowId }) => workflowId.endsWith('-esc-1')));

      expect(sut).toEqual({
        caseId, status: 'unavailable', comparedEvents: 0, recordings: 0, firstMismatch: null,
        problem: `there is no history of case-${caseId} to compare the stored events with`,
      });
    });

    it('is unavailable, naming the key, when the reader lacks the key the recordings were encrypted with', async () => {
      const { caseId, events, histories } = await aRecordedCase('lead-deactivated-in-preparation.json');
      const otherKeys = new AesGcmPayloadCodec({ activeKeyId: undefined, keys: [{ id: 'other-key', key: randomBytes(32) }], source: 'another keyring' });

      const sut = await checkRecordedEvents(caseId, chained(events), histories, otherKeys);

      expect(sut).toMatchObject({ status: 'unavailable', firstMismatch: null });
      expect(sut.problem).toContain('payload key "fixture-key", which this reader does not hold (it has keys from another keyring)');
    });
  });

  describe('when a recording did not complete', () => {
    // The last step records an OfferWithdrawn and a CaseCancelled in one append.
    const file = 'matching-rounds-then-cancelled.json';

    it('holds a failed append to have stored nothing', async () => {
      const { events, histories, check } = await aRecordedCase(file);
      const close = lastRecordingClose(histories);
      close.eventType = 'EVENT_TYPE_ACTIVITY_TASK_FAILED';
      close.activityTaskFailedEventAttributes = { scheduledEventId: close.activityTaskCompletedEventAttributes!.scheduledEventId };
      delete close.activityTaskCompletedEventAttributes;

      await expect(check(events.slice(0, -2), histories)).resolves.toMatchObject({ status: 'passed' });
      await expect(check(events, histories)).resolves.toMatchObject({
        status: 'mismatch', firstMismatch: { version: events.length - 1, problem: `version ${events.length - 1} is stored but no workflow history recorded it` },
      });
    });

    it('accepts an append still under way as stored or not, but never half stored', async () => {
      const { events, histories, check } = await aRecordedCase(file);
      // A close event that names no recording leaves the last recording without an end, as if its worker were still at it.
      lastRecordingClose(histories).activityTaskCompletedEventAttributes!.scheduledEventId = '0';

      await expect(check(events, histories)).resolves.toMatchObject({ status: 'passed' });
      await expect(check(events.slice(0, -2), histories)).resolves.toMatchObject({ status: 'passed' });
      await expect(check(events.slice(0, -1), histories)).resolves.toMatchObject({ status: 'mismatch', firstMismatch: { version: events.length } });
    });

    it('reports a store that answered with other versions than the recording asked for', async () => {
      const { events, histories, check } = await aRecordedCase(file);
      const { result } = lastRecordingClose(histories).activityTaskCompletedEventAttributes!;
      const answer = await jsonOf(result!.payloads[0], codec) as { toVersion: number };
      result!.payloads = [jsonPayload({ ...answer, toVersion: answer.toVersion + 1 })];

      const sut = await check(events, histories);

      expect(sut).toMatchObject({ status: 'mismatch', firstMismatch: { version: events.length - 1, field: 'result.toVersion', stored: events.length + 1, recorded: events.length } });
    });
  });
});
