import { RETENTION_SCHEDULE_ID } from '../../workflows/messages';
import { eventually } from '../support/eventually';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { WorkerStack } from '../support/worker-stack';

describe('the daily retention review on a real Temporal server', () => {
  let db: TestDatabase;
  let stack: WorkerStack;

  beforeAll(async () => {
    db = await createTestDatabase();
    stack = await WorkerStack.start('retention-schedule', db.url, db.keyDataDir);
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
    await db?.drop();
  }, 60_000);

  const describeSchedule = () => stack.client.schedule.getHandle(RETENTION_SCHEDULE_ID).describe();

  it('is scheduled by the first worker that starts, to run the review workflow on its task queue', async () => {
    await stack.startWorker();
    const schedule = await eventually(async () => describeSchedule().catch(() => undefined), 'the retention schedule');
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'retentionReview', taskQueue: stack.taskQueue });
    // "0 2 * * *": every day at two in the morning, in the configured time zone.
    expect(schedule.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 2, end: 2, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] });
    expect(schedule.spec.timezone).toBe('Europe/Amsterdam');
  }, 120_000);

  it('is left as it is by a second worker, which starts and keeps running', async () => {
    const before = await describeSchedule();
    const second = await stack.startWorker();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(second.child.exitCode).toBeNull();
    const after = await describeSchedule();
    expect(after.info.createdAt).toEqual(before.info.createdAt);
  }, 120_000);
});
