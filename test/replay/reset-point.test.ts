import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { findResetPoint } from '../../src/audit/reset-point';
import { testFixtureCodec } from '../support/payload-keys';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures');

/** A fixture's workflow id and its history, as `historyToJSON` wrote it. */
function load(file: string): { workflowId: string; history: { events: Array<Record<string, unknown>> } } {
  return JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'));
}

describe('finding where to reset a workflow whose history today\'s code cannot replay', () => {
  it('names the completion of the first workflow task whose recorded commands today\'s code no longer makes', async () => {
    const { workflowId, history } = load('divergent-histories/timer-before-each-message-plan.json');
    // The code that wrote it started a one-millisecond timer before its first plan of a message; today's code does not.
    const extraTimer = history.events.findIndex((event) => (event.timerStartedEventAttributes as { startToFireTimeout?: string } | undefined)?.startToFireTimeout === '0.001s');
    const completion = history.events.slice(0, extraTimer).findLast((event) => event.workflowTaskCompletedEventAttributes);

    const point = await findResetPoint(workflowId, historyFromJSON(history), testFixtureCodec());

    expect(point).toMatchObject({ kind: 'reset', eventId: Number(completion!.eventId) });
    expect(point.kind === 'reset' && point.divergence).toMatch(/TimerStarted|[Nn]ondeterminism/);
  });

  it('finds no point in a history today\'s code replays in full: the failure would come back after a reset', async () => {
    const { workflowId, history } = load('histories/full-case-citizen-meeting.json');

    expect(await findResetPoint(workflowId, historyFromJSON(history), testFixtureCodec())).toMatchObject({ kind: 'replays' });
  });

  it('finds no point when the very first workflow task diverges', async () => {
    const { workflowId, history } = load('histories/full-case-citizen-meeting.json');
    // The first task's first command, as if older code had scheduled another activity there.
    const first = history.events.find((event) => event.activityTaskScheduledEventAttributes)!;
    (first.activityTaskScheduledEventAttributes as { activityType: { name: string } }).activityType.name = 'somethingElse';

    expect(await findResetPoint(workflowId, historyFromJSON(history), testFixtureCodec())).toMatchObject({ kind: 'none' });
  });
});
