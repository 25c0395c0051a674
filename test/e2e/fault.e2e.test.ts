import { archiveWorkflowIdFor } from '../../workflows/messages';
import { Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { findTemporalCli } from '../../src/temporal/temporal-binaries';
import type { TemporalDevServer, TemporalDevServerOptions } from '../../src/temporal/temporal-dev-server';
import { startBrigadeProcess, type BrigadeProcess } from '../support/brigade-process';
import { eventually } from '../support/eventually';
import { driveCaseToClosure, type ClosedCase } from '../support/faults/case-closer';
import { auditEventLog } from '../support/faults/event-log-audit';
import { FAULT_KINDS, injectFaults, type FaultAction, type FaultKind, type InjectedFault } from '../support/faults/fault-injector';
import { RetryingApi } from '../support/faults/retrying-api';
import { SeededRandom } from '../support/faults/seeded-random';
import { StuckCaseOperator } from '../support/faults/stuck-case-operator';
import { freePort } from '../support/free-port';
import { startDevServerPatiently } from '../support/patient-dev-server';
import { TEST_PAYLOAD_KEY_ENV } from '../support/payload-keys';
import { createStoppableDatabase, type StoppableDatabase } from '../support/stoppable-database';
import { TEST_TOKEN_ENV, bearer } from '../support/tokens';

const CASES = 50;
const EXPERTS = 12;
// Each meeting is this long after its request, so every case spends a while open, waiting to report on it.
const EVENT_AFTER_MS = 40_000;
const LAUNCH_PAUSE_MS: [number, number] = [300, 1_200];
const FAULT_PAUSE_MS: [number, number] = [3_000, 9_000];
// Shorter than the production default, so that an update stuck behind a dead worker comes back to be retried sooner.
const TEMPORAL_CALL_TIMEOUT = '10s';
// Faults strike while most cases are open; afterwards every case gets the chance to close.
const FAULT_WINDOW_MS = 200_000;
// Generous: the test is about what survives, not about speed, and a loaded machine can take twice as long.
const GIVE_UP_ON_A_CASE_MS = 420_000;
// One request may meet several Temporal restarts in a row, each followed by workflow tasks waiting out their retry.
const RETRY_ONE_REQUEST_MS = 180_000;
// The one way the driver takes every case: an event missing or recorded twice anywhere shows up as another path.
const FULL_PATH = [
  'RequestReceived', 'IntakeAssessed', 'RequestAccepted', 'ExpertOffered', 'OfferAccepted', 'TeamAssembled',
  'PreparatorySessionScheduled', 'TaskAssigned', 'TaskAssigned', 'TaskAssigned',
  'EscalationRaised', 'EscalationAcknowledged', 'EscalationResolved',
  'TaskCompleted', 'TaskCompleted', 'TaskCompleted', 'PreparatorySessionHeld', 'InterventionReported',
  'FollowUpScheduled', 'FollowUpScheduled', 'FollowUpCompleted', 'FollowUpCompleted', 'CaseEvaluated', 'CaseClosed',
  // The archiver's receipts, once the case workflow and its one escalation ladder have closed.
  'HistoryArchived', 'HistoryArchived',
].join(' → ');
/** Workflows each case archives: its own and its escalation ladder's. */
const ARCHIVED_PER_CASE = 2;

const AUDITOR = bearer('auditor', 'a.fault');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a batch of cases while the worker, PostgreSQL and Temporal fail at random moments', () => {
  const seed = SeededRandom.seedFrom(process.env);
  const taskQueue = `fault-${randomUUID()}`;
  let db: StoppableDatabase;
  let temporalOptions: TemporalDevServerOptions;
  let temporal: TemporalDevServer;
  let api: BrigadeProcess;
  let worker: BrigadeProcess;
  /** What the killed workers logged, kept for a failure's diagnosis. */
  const workerOutput: string[] = [];
  let client: RetryingApi;
  let processEnv: Record<string, string>;

  beforeAll(async () => {
    console.log(`fault test seed ${seed}; repeat this run with BRIGADE_FAULT_SEED=${seed}`);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'brigade-fault-'));
    temporalOptions = { cliPath: findTemporalCli(), dataDir, port: await freePort(), uiPort: await freePort(), namespace: 'default' };
    db = await createStoppableDatabase();
    temporal = await startDevServerPatiently(temporalOptions);
    const httpPort = await freePort();
    // The API and every worker encrypt payloads with one key, and keep whatever else they write in the test's folder.
    processEnv = {
      NO_COLOR: '1', DATABASE_URL: db.url, TEMPORAL_ADDRESS: temporal.address, BRIGADE_TASK_QUEUE: taskQueue, BRIGADE_DATA_DIR: dataDir,
      ...TEST_TOKEN_ENV, ...TEST_PAYLOAD_KEY_ENV,
    };
    api = await startBrigadeProcess({ ...processEnv, BRIGADE_ROLE: 'api', PORT: String(httpPort), BRIGADE_TEMPORAL_CALL_TIMEOUT: TEMPORAL_CALL_TIMEOUT });
    worker = await startWorker();
    client = new RetryingApi(`http://127.0.0.1:${httpPort}`, RETRY_ONE_REQUEST_MS);
    for (let index = 0; index < EXPERTS; index++) {
      const created = await client.send('POST', '/experts', bearer('coordinator', 'c.fault'), {
        name: `Expert ${index}`, email: `fault-${index}-${seed}@brigade.test`, categories: ['CITIZEN_MEETING'],
        skills: ['mediation', 'communication', 'security'], homeMunicipalityCode: 'GM0307', safetyRegion: 'utrecht', capacity: 10,
      });
      expect(created.status).toBe(201);
    }
  }, 180_000);

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await temporal?.stop();
    await db?.drop();
  }, 60_000);

  function startWorker(): Promise<BrigadeProcess> {
    return startBrigadeProcess({ ...processEnv, BRIGADE_ROLE: 'worker' });
  }

  const faults: Record<FaultKind, FaultAction> = {
    worker: async (random) => {
      const down = random.between(0, 2_000);
      await worker.kill();
      workerOutput.push(worker.output());
      await sleep(down);
      worker = await startWorker();
      return `SIGKILL, restarted after ${down} ms`;
    },
    postgres: async (random) => {
      const down = random.between(1_000, 6_000);
      await db.stopServer();
      await sleep(down);
      await db.startServer();
      return `stopped for ${down} ms`;
    },
    temporal: async (random) => {
      const signal = random.pick(['SIGTERM', 'SIGKILL'] as const);
      const down = random.between(0, 2_000);
      if (signal === 'SIGKILL') process.kill(temporal.pid, 'SIGKILL');
      await temporal.stop();
      await sleep(down);
      temporal = await startDevServerPatiently(temporalOptions);
      return `${signal}, restarted on its SQLite file after ${down} ms`;
    },
  };

  it('closes every case, with every stream complete, nothing recorded twice and every hash chain intact', async () => {
    const startedAt = Date.now();
    const launches = new SeededRandom(seed + 1);
    const registered = new Set<string>();
    const closed = new Set<string>();
    let settled = 0;
    let launched = 0;

    // Cases whose workflow task keeps failing on a history today's code cannot replay are reset, as docs/operations.md says.
    const operator = new StuckCaseOperator(processEnv, (line) => console.log(line));
    operator.start();
    const drivers: Array<Promise<ClosedCase>> = [];
    const launching = (async () => {
      for (let index = 0; index < CASES; index++) {
        const request = {
          category: 'CITIZEN_MEETING', municipalityCode: 'GM0321', requesterRole: 'alderman',
          description: `Informatieavond ${index} over tijdelijke opvang`, eventDate: new Date(Date.now() + EVENT_AFTER_MS).toISOString(), indicators: {},
        };
        drivers.push(driveCaseToClosure(client, request, `fault-${seed}-${index}-${randomUUID()}`, GIVE_UP_ON_A_CASE_MS, (caseId) => registered.add(caseId))
          .then((result) => {
            closed.add(result.caseId);
            return result;
          })
          .finally(() => settled++));
        launched++;
        await sleep(launches.between(...LAUNCH_PAUSE_MS));
      }
    })();
    const injected: InjectedFault[] = await injectFaults(new SeededRandom(seed), faults, {
      pauseMs: FAULT_PAUSE_MS,
      windowMs: FAULT_WINDOW_MS,
      casesInFlight: () => registered.size - closed.size,
      finished: () => launched === CASES && settled === CASES,
      log: (line) => console.log(line),
    });
    await launching;
    const outcomes = await Promise.allSettled(drivers);
    await operator.stop();
    const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [String(outcome.reason)] : []));
    if (failures.length > 0) {
      console.log(`API errors:\n${errorLines(api.output())}\nworker output (tail):\n${worker.output().slice(-4_000)}`);
      const open = [...registered].filter((caseId) => !closed.has(caseId)).map((caseId) => `case-${caseId}`);
      console.log(`where the open cases wait:\n${await pendingWork(temporal.address, open)}`);
      console.log(`what the workers said of them:\n${linesAbout(workerOutput.join('') + worker.output(), open)}`);
    }
    expect(failures).toEqual([]);
    const durationMs = Date.now() - startedAt;
    // Archiving runs after each case ended, through the same faults; every case gets its receipts, once each.
    const unarchived = async () => (await db.sql<{ case_id: string; archived: number }>(`
      SELECT case_id, count(*) FILTER (WHERE type = 'HistoryArchived')::int AS archived FROM case_events GROUP BY case_id
      HAVING count(*) FILTER (WHERE type = 'HistoryArchived') < $1`, [ARCHIVED_PER_CASE]));
    await eventually(async () => ((await unarchived()).length === 0 ? true : undefined),
      // An archive attempt cut short by a kill waits out its one-minute timeout and a backoff of up to a minute.
      'every case to archive its histories', 300_000).catch(async (error: unknown) => {
      const short = await unarchived();
      console.log(`cases short of their archives: ${short.map((row) => `${row.case_id} (${row.archived})`).join(', ')}\n`
        + `their archivers:\n${await pendingWork(temporal.address, short.map((row) => archiveWorkflowIdFor(row.case_id)))}\n`
        + `their cases:\n${await pendingWork(temporal.address, short.map((row) => `case-${row.case_id}`))}\n`
        + `worker output (tail):\n${worker.output().slice(-6_000)}`);
      throw error;
    });

    const audit = await auditEventLog(db, new PostgresEventStore(db.dataSource, db.keyStore));
    // A worker that replays a history only after a kill: every case's whole history must replay with today's code too.
    const unreplayed = await historiesThatDoNotReplay(client, [...closed]);
    const completedInTemporal = await countWorkflows(temporal.address, `TaskQueue = '${taskQueue}' AND WorkflowType = 'supportCase' AND ExecutionStatus = 'Completed'`, CASES);
    const count = (kind: FaultKind) => injected.filter((fault) => fault.kind === kind).length;
    const closedCases = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    console.log([
      'fault test figures:',
      `  cases ${CASES} (closed ${audit.closedCases}, closed in Temporal ${completedInTemporal})`,
      `  worker kills ${count('worker')}, PostgreSQL restarts ${count('postgres')}, Temporal restarts ${count('temporal')} ` +
        `(${injected.filter((fault) => fault.detail.startsWith('SIGKILL, restarted on')).length} by SIGKILL)`,
      `  events ${audit.events} in ${audit.streams} streams, duplicates ${audit.duplicates.length}, gaps ${audit.gaps.length}, broken chains ${audit.brokenChains.length}`,
      `  requests retried through outages: ${client.counts.unavailable} answered 503, ${client.counts.unreachable} found no API; ` +
        `decisions ${closedCases.reduce((sum, c) => sum + c.decisions, 0)}, refused as already taken ${closedCases.reduce((sum, c) => sum + c.refusals, 0)}`,
      `  stuck cases reset: ${operator.resets.length}${operator.resets.map((r) => `\n    ${r.workflowId}: ${r.finding} (history before the reset: ${r.historyFile})`).join('')}`,
      `  duration ${(durationMs / 1000).toFixed(1)} s, seed ${seed}`,
    ].join('\n'));

    expect(audit).toMatchObject({ streams: CASES, closedCases: CASES, gaps: [], duplicates: [], brokenChains: [] });
    expect(unreplayed).toEqual([]);
    expect(audit.paths).toEqual({ [FULL_PATH]: CASES });
    expect(completedInTemporal).toBe(CASES);
    // The run proves something only if every kind of fault struck while cases were open.
    for (const kind of FAULT_KINDS) {
      expect(injected.filter((fault) => fault.kind === kind && fault.casesInFlight > 0).map((fault) => fault.kind)).toContain(kind);
    }
  }, 900_000);
});

// The auditor's verification replays each case's workflows with today's code; a divergence names its first command.
async function historiesThatDoNotReplay(client: RetryingApi, caseIds: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const caseId of caseIds) {
    const answer = await client.send('GET', `/cases/${caseId}/verify`, AUDITOR);
    const replay = (answer.body as { replay?: { status: string; firstDivergence: { workflowId: string; message: string | null } | null } }).replay;
    if (answer.status !== 200 || replay?.status !== 'passed') {
      problems.push(`${caseId}: ${answer.status} ${replay?.status ?? ''} ${replay?.firstDivergence ? `${replay.firstDivergence.workflowId}: ${replay.firstDivergence.message}` : JSON.stringify(answer.body).slice(0, 300)}`);
    }
  }
  return problems;
}

// Counted by Temporal's visibility, which needs no payloads decoded; it catches up with closures shortly after them.
async function countWorkflows(address: string, query: string, expected: number): Promise<number> {
  const connection = await Connection.connect({ address });
  try {
    const count = async () => Number((await connection.workflowService.countWorkflowExecutions({ namespace: 'default', query })).count);
    return await eventually(async () => ((await count()) === expected ? expected : undefined), `${expected} workflows matching ${query}`)
      .catch(count);
  } finally {
    await connection.close();
  }
}

// For a failed run: what Temporal says each open case is waiting for, and the last error of each pending activity.
async function pendingWork(address: string, workflowIds: readonly string[]): Promise<string> {
  const connection = await Connection.connect({ address });
  try {
    const lines: string[] = [];
    for (const workflowId of workflowIds.slice(0, 10)) {
      const described = await connection.workflowService.describeWorkflowExecution({ namespace: 'default', execution: { workflowId } })
        .catch((error: unknown) => ({ error }));
      if ('error' in described) {
        lines.push(`${workflowId}: ${String(described.error)}`);
        continue;
      }
      const status = described.workflowExecutionInfo?.status;
      const activities = (described.pendingActivities ?? []).map((a) => `${a.activityType?.name} attempt ${a.attempt}: ${a.lastFailure?.message ?? 'no failure yet'}`);
      const task = described.pendingWorkflowTask ? `workflow task ${described.pendingWorkflowTask.state} attempt ${described.pendingWorkflowTask.attempt}` : 'no workflow task';
      lines.push(`${workflowId}: status ${status}; ${task}; ${activities.join('; ') || 'no pending activity'}${await lastTaskFailure(connection, workflowId)}`);
    }
    return lines.join('\n');
  } finally {
    await connection.close();
  }
}

// A workflow task that keeps failing leaves its reason only in the history.
async function lastTaskFailure(connection: Connection, workflowId: string): Promise<string> {
  const history = await connection.workflowService.getWorkflowExecutionHistory({ namespace: 'default', execution: { workflowId } });
  const failed = (history.history?.events ?? []).filter((event) => event.workflowTaskFailedEventAttributes).at(-1)?.workflowTaskFailedEventAttributes;
  if (!failed) return '';
  // Kept whole, so that a divergence can be replayed and studied (and become a fixture) after the run.
  const kept = path.join(os.tmpdir(), `brigade-stuck-${workflowId}.json`);
  await writeFile(kept, JSON.stringify({ workflowId, history: historyToJSON(history.history!) }));
  console.log(`the history of ${workflowId} is kept in ${kept}`);
  return `; last workflow task failure (cause ${failed.cause}): ${failed.failure?.message ?? ''} ${failed.failure?.stackTrace?.slice(0, 1_500) ?? ''}`;
}

// The last warnings and errors a worker logged about each of these workflows (a failing workflow task shows only there).
function linesAbout(output: string, workflowIds: readonly string[]): string {
  const lines = output.split('\n').filter((line) => /"level":"(warn|error|fatal)"/.test(line));
  return workflowIds.slice(0, 5).flatMap((id) => lines.filter((line) => line.includes(id)).slice(-3).map((line) => line.slice(0, 2_000))).join('\n');
}

// The API logs one JSON line per request; the errors among them say what went wrong.
function errorLines(output: string): string {
  const errors = output.split('\n').filter((line) => /"level":"(error|fatal)"|"level":50|"level":60/.test(line));
  // The 503s are expected while a fault lasts; anything else is what a failure is about, so it comes first.
  const unexpected = errors.filter((line) => !line.includes('"statusCode":503'));
  return [...unexpected.slice(-20), '… and the last expected 503s:', ...errors.filter((line) => line.includes('"statusCode":503')).slice(-5)].join('\n');
}
