import { WorkflowUpdateStage } from '@temporalio/client';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Registry } from 'prom-client';
import { runCli } from '../../src/cli';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { StuckWorkflowWatch } from '../../src/temporal/stuck-workflow-watch';
import { replayHistories } from '../../src/audit/workflow-replayer';
import { findStuckWorkflows } from '../../src/temporal/temporal-stuck-workflow-finder';
import { findTemporalCli } from '../../src/temporal/temporal-binaries';
import { completeTask } from '../../workflows/messages';
import { CaseDriver, anExpertPool, expert, startCase } from '../support/case-driver';
import { eventually } from '../support/eventually';
import { TEST_PAYLOAD_KEY_ENV, testPayloadCodec } from '../support/payload-keys';
import { createWorkflowHarness, divergentWorkflowBundle, type WorkflowHarness } from '../support/workflow-harness';

const run = promisify(execFile);

/** What a command line printed, line by line, and its exit code. */
async function cli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, env, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

describe('a case whose history today\'s code cannot replay', () => {
  let harness: WorkflowHarness;
  let env: Record<string, string>;

  beforeAll(async () => {
    // A real server: the time-skipping test server does not reset workflows.
    harness = await createWorkflowHarness({ server: 'dev' });
    await anExpertPool(harness, Array.from({ length: 6 }, () => ({ homeMunicipalityCode: 'GM0344' })));
    env = { ...TEST_PAYLOAD_KEY_ENV, TEMPORAL_ADDRESS: harness.env.address, BRIGADE_TASK_QUEUE: harness.taskQueue, BRIGADE_STUCK_WORKFLOW_ATTEMPTS: '2' };
  }, 120_000);
  afterAll(() => harness?.close());

  it('is found stuck, and `temporal workflow reset` to the point `brigade workflow reset-point` names brings it back with every event once', async () => {
    // Written by code that made one more command than today's (a timer before each plan of a message), up to the tasks.
    const { sut, task } = await harness.withWorker(async () => {
      const driver = await startCase(harness, { category: 'CITIZEN_MEETING' });
      await driver.accept();
      await driver.acceptOffersUntilTeamAssembled();
      const [first] = (await driver.waitFor((s) => s.tasks.length > 0, 'the preparation tasks')).tasks;
      return { sut: driver, task: first };
    }, divergentWorkflowBundle());
    const recordedBefore = await sut.events();
    expect(recordedBefore.map((e) => e.type)).toEqual(expect.arrayContaining(['OfferAccepted', 'TeamAssembled', 'TaskAssigned']));

    await harness.withWorker(async () => {
      // Today's worker gets the case's next task when an expert reports on theirs, and cannot replay what led up to it.
      void sut.handle.startUpdate(completeTask, {
        args: [{ taskId: task.taskId, outcome: 'klaar', actor: expert(task.assigneeId!) }], waitForStage: WorkflowUpdateStage.ACCEPTED,
      }).catch(() => undefined);
      const [stuck] = await eventually(async () => {
        const found = await findStuckWorkflows(harness.env.connection, { namespace: 'default', taskQueue: harness.taskQueue, attempts: 2 });
        return found.length > 0 ? found : undefined;
      }, 'the case to be found stuck', 60_000);
      expect(stuck).toMatchObject({ workflowId: sut.handle.workflowId, workflowType: 'supportCase', caseId: sut.handle.workflowId.slice('case-'.length) });
      expect(stuck.attempts).toBeGreaterThanOrEqual(2);
      expect(stuck.failure).toMatch(/[Nn]ondeterminism/);
      // The API's watch sees the same: the case list and the gauge carry it.
      const registry = new Registry();
      const watch = new StuckWorkflowWatch(harness.env.client, loadBrigadeConfig(env), registry);
      await watch.scan();
      expect(watch.attemptsOfCase(stuck.caseId)).toBeGreaterThanOrEqual(2);
      expect(await registry.metrics()).toContain('brigade_workflows_stuck{workflow_type="supportCase"} 1');
      expect(await cli(['workflow', 'stuck'], env)).toMatchObject({ code: 0, out: [expect.stringContaining(`${sut.handle.workflowId}\tsupportCase\tattempt `)] });

      const found = await cli(['workflow', 'reset-point', sut.handle.workflowId], env);
      expect(found.err).toEqual([]);
      expect(found.code).toBe(0);
      const command = found.out.find((line) => line.startsWith('temporal workflow reset '))!;
      expect(command).toMatch(/--event-id \d+ /);
      // The operator's step, as docs/operations.md gives it: the real CLI against the real server.
      await run('bash', ['-c', command.replace(/^temporal /, `'${findTemporalCli()}' `)]);

      // Back: the case takes decisions again, from where it stood, and what it had recorded stays recorded once. (The
      // first run ended with the reset; a handle without a run id follows the workflow to its new run.)
      const resumed = new CaseDriver(harness.env.client.workflow.getHandle(sut.handle.workflowId), harness);
      const held = await resumed.prepareAndHoldSession();
      expect(held.session?.heldAt).toBeTruthy();
      await resumed.cancel();
    });

    const recorded = await sut.events();
    expect(recorded.map((e) => e.version)).toEqual(recorded.map((_, index) => index + 1));
    expect(recorded.slice(0, recordedBefore.length).map((e) => e.hash)).toEqual(recordedBefore.map((e) => e.hash));
    expect(recorded.filter((e) => e.type === 'TeamAssembled')).toHaveLength(1);
    expect(recorded.filter((e) => e.type === 'TaskAssigned')).toHaveLength(recordedBefore.filter((e) => e.type === 'TaskAssigned').length);
    expect(recorded.filter((e) => e.type === 'CaseCancelled')).toHaveLength(1);
    const history = await harness.env.client.workflow.getHandle(sut.handle.workflowId).fetchHistory();
    const replay = await replayHistories([{ workflowId: sut.handle.workflowId, history }], [], testPayloadCodec());
    expect(replay.status).toBe('passed');
  }, 240_000);
});

