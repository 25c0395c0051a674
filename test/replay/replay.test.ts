import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Payload } from '@temporalio/common';
import { CASE_ID_METADATA } from '../../src/field-encryption/case-payload-codec';
import { fixtureDataConverter, testFixtureCodec } from '../support/payload-keys';
import { workflowBundle } from '../support/workflow-harness';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'histories');
const fixtures = readdirSync(FIXTURES).filter((file) => file.endsWith('.json')).sort();

/** A recorded history with the id of the workflow it belongs to. */
interface Fixture {
  readonly workflowId: string;
  readonly history: { events: Array<Record<string, unknown>> };
}

/** Every payload of a history in its JSON form, as protobuf payloads. */
function payloadsIn(value: unknown, found: Payload[] = []): Payload[] {
  if (typeof value !== 'object' || value === null) return found;
  const record = value as Record<string, unknown>;
  if (typeof record.data === 'string' && typeof record.metadata === 'object' && record.metadata !== null) {
    const metadata = Object.fromEntries(Object.entries(record.metadata as Record<string, string>).map(([name, bytes]) => [name, Buffer.from(bytes, 'base64')]));
    found.push({ metadata, data: Buffer.from(record.data, 'base64') });
    return found;
  }
  for (const child of Object.values(record)) payloadsIn(child, found);
  return found;
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

  it('has a fixture whose payloads seal the case under data keys that are gone, and it replays with every field unread', async () => {
    const { workflowId, history } = load('sealed-payloads-then-cancelled.json');
    const decrypted = await testFixtureCodec().decode(payloadsIn(history));
    const sealed = decrypted.filter((payload) => payload.metadata?.[CASE_ID_METADATA]);
    const text = decrypted.map((payload) => Buffer.from(payload.data ?? []).toString('utf8')).join('\n');

    expect(sealed.length).toBeGreaterThan(5);
    for (const written of ['Informatieavond over de opvang', 'J. de Wethouder', 'past in het mandaat', 'geen tweede uitgang', 'gaat niet door', 'Expert 0']) {
      expect(text).not.toContain(written);
    }
    await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle(), dataConverter: fixtureDataConverter() }, history, workflowId)).resolves.toBeUndefined();
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
