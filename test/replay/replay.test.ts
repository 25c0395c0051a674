import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fixtureDataConverter } from '../support/payload-keys';
import { workflowBundle } from '../support/workflow-harness';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'histories');
const fixtures = readdirSync(FIXTURES).filter((file) => file.endsWith('.json')).sort();

/** A recorded history with the id of the workflow it belongs to. */
interface Fixture {
  readonly workflowId: string;
  readonly history: { events: Array<Record<string, unknown>> };
}

function load(file: string): Fixture {
  return JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'));
}

describe('replaying recorded case histories against today\'s workflow code', () => {
  it('has fixtures to replay', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
  });

  it.each(fixtures)('reproduces every decision of %s', async (file) => {
    const { workflowId, history } = load(file);
    await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle(), dataConverter: fixtureDataConverter() }, history, workflowId)).resolves.toBeUndefined();
  });

  it('has a fixture of a case that starts archiving its histories as it ends', () => {
    const { workflowId, history } = load('rejected-then-archived.json');
    const started = history.events.map((event) => event.childWorkflowExecutionStartedEventAttributes as { workflowType?: { name: string } } | undefined);
    expect(started.some((attributes) => attributes?.workflowType?.name === 'archiveCaseHistories')).toBe(true);
    expect(workflowId).toMatch(/^case-/);
  });

  it('names the divergence when a recorded history no longer matches the code', async () => {
    const { workflowId, history } = load('full-case-citizen-meeting.json');
    // Pretend the code once scheduled a different activity at the intake step.
    const scheduled = history.events.find((event) => (event.activityTaskScheduledEventAttributes as { activityType?: { name: string } } | undefined)?.activityType?.name === 'assessIntake');
    expect(scheduled).toBeDefined();
    (scheduled!.activityTaskScheduledEventAttributes as { activityType: { name: string } }).activityType.name = 'assessIntakeV0';

    const error = await Worker.runReplayHistory({ workflowBundle: await workflowBundle(), dataConverter: fixtureDataConverter() }, history, workflowId).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DeterminismViolationError);
    expect(String((error as Error).message)).toMatch(/assessIntake/);
  });
});
