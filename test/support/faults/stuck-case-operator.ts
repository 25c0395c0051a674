import { Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../../../src/cli';
import { findStuckWorkflows } from '../../../src/temporal/temporal-stuck-workflow-finder';
import { findTemporalCli } from '../../../src/temporal/temporal-binaries';
import { testFixtureCodec, testPayloadCodec } from '../payload-keys';

const run = promisify(execFile);
const LOOK_EVERY_MS = 10_000;
// As the API's default: a first failed attempt is often a worker killed mid-task, not a history that cannot replay.
const STUCK_FROM_ATTEMPT = 3;

/** A stuck case the operator brought back, and what it found. */
export interface ResetCase {
  readonly workflowId: string;
  readonly attempts: number;
  readonly failure: string | null;
  /** What `brigade workflow reset-point` said. */
  readonly finding: string;
  /** Where the history as it was before the reset is kept, for a report upstream and a replay fixture. */
  readonly historyFile: string;
}

/**
 * Plays the operator of docs/operations.md while faults strike: looks for cases whose workflow task keeps failing and,
 * when today's code cannot replay their history, resets them where `brigade workflow reset-point` says. A task that
 * fails for any other reason (a worker that died mid-task, a server on its way back) is left to recover by itself.
 */
export class StuckCaseOperator {
  readonly resets: ResetCase[] = [];
  private timer?: NodeJS.Timeout;
  private looking = Promise.resolve();

  constructor(private readonly env: Readonly<Record<string, string>>, private readonly log: (line: string) => void) {}

  /** Looks every ten seconds until stopped. */
  start(): void {
    this.timer = setInterval(() => {
      this.looking = this.looking.then(() => this.lookOnce()).catch((error: unknown) => this.log(`stuck-case operator: ${String(error)}`));
    }, LOOK_EVERY_MS);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.looking;
  }

  private async lookOnce(): Promise<void> {
    const connection = await Connection.connect({ address: this.env.TEMPORAL_ADDRESS });
    try {
      const stuck = await findStuckWorkflows(connection, { namespace: 'default', taskQueue: this.env.BRIGADE_TASK_QUEUE, attempts: STUCK_FROM_ATTEMPT });
      for (const workflow of stuck) {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runCli(['workflow', 'reset-point', workflow.workflowId], this.env, { out: (line) => out.push(line), err: (line) => err.push(line) });
        if (code !== 0) {
          this.log(`stuck-case operator: ${workflow.workflowId} at attempt ${workflow.attempts} (${workflow.failure}); no reset: ${err.join(' ')}`);
          continue;
        }
        const historyFile = path.join(os.tmpdir(), `brigade-stuck-${workflow.workflowId}-${Date.now()}.json`);
        const { history } = await connection.workflowService.getWorkflowExecutionHistory({ namespace: 'default', execution: { workflowId: workflow.workflowId } });
        // Under the replay fixtures' key, not this run's random one: the file can become a fixture as it is.
        const fixture = await underFixtureKey(JSON.parse(historyToJSON(history!)));
        await writeFile(historyFile, `${JSON.stringify({ workflowId: workflow.workflowId, history: fixture })}\n`);
        const command = out.find((line) => line.startsWith('temporal workflow reset '))!;
        await run('bash', ['-c', command.replace(/^temporal /, `'${findTemporalCli()}' `)]);
        this.resets.push({ workflowId: workflow.workflowId, attempts: workflow.attempts, failure: workflow.failure, finding: out[0], historyFile });
        this.log(`stuck-case operator: reset ${workflow.workflowId} at attempt ${workflow.attempts} (${workflow.failure}): ${out[0]}; history kept in ${historyFile}`);
      }
    } finally {
      await connection.close();
    }
  }
}

/** A history in its JSON form with every payload decrypted with this run's test key and encrypted with the fixtures' key. */
export async function underFixtureKey(value: unknown): Promise<unknown> {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return Promise.all(value.map(underFixtureKey));
  const record = value as Record<string, unknown>;
  if (typeof record.data === 'string' && typeof record.metadata === 'object' && record.metadata !== null) {
    const metadata = Object.fromEntries(Object.entries(record.metadata as Record<string, string>).map(([name, bytes]) => [name, Buffer.from(bytes, 'base64')]));
    // Search attributes and other payloads the codec never encrypted stay as Temporal wrote them.
    if (metadata.encoding?.toString() !== 'binary/encrypted') return value;
    const [plain] = await testPayloadCodec().decode([{ metadata, data: Buffer.from(record.data, 'base64') }]);
    const [sealed] = await testFixtureCodec().encode([plain]);
    return {
      metadata: Object.fromEntries(Object.entries(sealed.metadata ?? {}).map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')])),
      data: Buffer.from(sealed.data ?? []).toString('base64'),
    };
  }
  return Object.fromEntries(await Promise.all(Object.entries(record).map(async ([name, child]) => [name, await underFixtureKey(child)])));
}
