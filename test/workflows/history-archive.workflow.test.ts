import { ApplicationFailure } from '@temporalio/client';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createHash } from 'node:crypto';
import { createHistoryArchiveActivities } from '../../activities/history-archive.activities';
import { decodeHistory } from '../../src/history-archive/encoded-history';
import { startedChildren } from '../../src/history-archive/started-children';
import { archiveWorkflowIdFor } from '../../workflows/messages';
import { anExpertPool, startCase } from '../support/case-driver';
import { runFullIncidentCase } from '../support/full-case-run';
import { createWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';

interface ArchiveRow { workflow_id: string; run_id: string; workflow_type: string; close_status: string; history: Buffer; sha256: string; event_count: number }

describe('archiving the histories of an ended case', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await createWorkflowHarness();
    await anExpertPool(harness, Array.from({ length: 6 }, () => ({ homeMunicipalityCode: 'GM0344' })));
  });
  afterAll(() => harness?.close());

  const rowsOf = (caseId: string) => harness.db.sql<ArchiveRow>(
    'SELECT workflow_id, run_id, workflow_type, close_status, history, sha256, event_count FROM workflow_history_archives WHERE case_id = $1 ORDER BY archived_at', [caseId]);
  const archivedEvents = async (caseId: string) => (await harness.eventStore.readStream(caseId)).filter((event) => event.type === 'HistoryArchived');
  const activities = () => createHistoryArchiveActivities({ temporalClient: harness.env.client, historyArchive: harness.historyArchive, eventStore: harness.eventStore });

  describe('when a case with an escalation ladder is closed', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = await runFullIncidentCase(harness);
    });

    it('archives the case workflow, then its ladder, each as the bytes whose SHA-256 the row holds', async () => {
      const rows = await rowsOf(caseId);

      expect(rows.map((row) => [row.workflow_id, row.workflow_type, row.close_status])).toEqual([
        [`case-${caseId}`, 'supportCase', 'COMPLETED'], [`case-${caseId}-esc-1`, 'escalationLadder', expect.any(String)],
      ]);
      for (const row of rows) {
        expect(createHash('sha256').update(row.history).digest('hex')).toBe(row.sha256);
        expect(decodeHistory(row.history).events).toHaveLength(row.event_count);
      }
    });

    it('keeps the history exactly as Temporal holds it, with the archiver the case started as it ended', async () => {
      const [caseRow] = await rowsOf(caseId);
      const archived = decodeHistory(caseRow.history);
      const fetched = await harness.env.client.workflow.getHandle(`case-${caseId}`).fetchHistory();

      expect(archived.events?.length).toBe(fetched.events?.length);
      expect(startedChildren(archived, 'archiveCaseHistories')).toEqual([archiveWorkflowIdFor(caseId)]);
      expect(startedChildren(archived, 'escalationLadder')).toEqual([`case-${caseId}-esc-1`]);
    });

    it('records one HistoryArchived event per workflow after the closure, with the hash of its row', async () => {
      const rows = await rowsOf(caseId);
      const types = (await harness.eventStore.readStream(caseId)).map((event) => event.type);

      expect(types.slice(-3)).toEqual(['CaseClosed', 'HistoryArchived', 'HistoryArchived']);
      expect((await archivedEvents(caseId)).map((event) => [event.actor.role, event.data])).toEqual(rows.map((row) => ['system', {
        workflowId: row.workflow_id, runId: row.run_id, workflowType: row.workflow_type, closeStatus: row.close_status,
        sha256: row.sha256, byteLength: row.history.length, eventCount: row.event_count,
      }]));
      expect(await harness.eventStore.verify(caseId)).toMatchObject({ valid: true });
    });

    it('archives nothing twice when the activity or the whole archiving runs again', async () => {
      const before = { rows: await rowsOf(caseId), events: await harness.eventStore.readStream(caseId) };

      const again = await new MockActivityEnvironment().run(activities().archiveWorkflowHistory, { caseId, workflowId: `case-${caseId}` });
      await harness.withWorker(async () => {
        const rerun = await harness.env.client.workflow.start('archiveCaseHistories', {
          workflowId: archiveWorkflowIdFor(caseId), taskQueue: harness.taskQueue, args: [{ caseId }],
        });
        await rerun.result();
      });

      expect(again).toEqual({ workflowId: `case-${caseId}`, runId: before.rows[0].run_id, sha256: before.rows[0].sha256, childWorkflowIds: [`case-${caseId}-esc-1`] });
      expect(await rowsOf(caseId)).toEqual(before.rows);
      expect(await harness.eventStore.readStream(caseId)).toEqual(before.events);
    });

    it('keeps the first copy, and goes on to the ladder, when a run again reads a history that differs from it', async () => {
      const before = { rows: await rowsOf(caseId), events: await harness.eventStore.readStream(caseId) };
      // As a dev server restarted on its SQLite file may do: the run's last steps lost and redone, at other times.
      const redone = new Proxy(harness.env.client, {
        get: (client, property) => (property !== 'workflow' ? Reflect.get(client, property) : new Proxy(client.workflow, {
          get: (workflows, name) => (name !== 'getHandle' ? Reflect.get(workflows, name) : (workflowId: string, runId?: string) => {
            const handle = workflows.getHandle(workflowId, runId);
            return Object.assign(Object.create(handle) as typeof handle, {
              describe: () => handle.describe(),
              fetchHistory: async () => {
                const history = await handle.fetchHistory();
                const last = history.events!.at(-1)!;
                last.eventTime = { ...last.eventTime, nanos: ((last.eventTime?.nanos ?? 0) + 7_000) % 1_000_000_000 };
                return history;
              },
            });
          }),
        })),
      });
      const retried = createHistoryArchiveActivities({ temporalClient: redone, historyArchive: harness.historyArchive, eventStore: harness.eventStore });

      const again = await new MockActivityEnvironment().run(retried.archiveWorkflowHistory, { caseId, workflowId: `case-${caseId}` });

      expect(again).toEqual({ workflowId: `case-${caseId}`, runId: before.rows[0].run_id, sha256: before.rows[0].sha256, childWorkflowIds: [`case-${caseId}-esc-1`] });
      expect(await rowsOf(caseId)).toEqual(before.rows);
      expect(await harness.eventStore.readStream(caseId)).toEqual(before.events);
    });
  });

  describe('when a case is cancelled', () => {
    it('archives its workflow all the same', async () => {
      const caseId = await harness.withWorker(async () => {
        const sut = await startCase(harness, { category: 'CITIZEN_MEETING' });
        await sut.accept();
        await sut.cancel('called off');
        return sut.caseId;
      });

      const [row, ...others] = await rowsOf(caseId);
      expect(others).toEqual([]);
      expect(row).toMatchObject({ workflow_id: `case-${caseId}`, close_status: 'COMPLETED' });
      expect((await harness.eventStore.readStream(caseId)).map((event) => event.type).slice(-2)).toEqual(['CaseCancelled', 'HistoryArchived']);
    });
  });

  describe('when the case workflow is still running', () => {
    it('refuses for now, so that Temporal tries again later', async () => {
      await harness.withWorker(async () => {
        const sut = await startCase(harness, { category: 'INCIDENT' });
        await sut.waitFor((state) => state.stage === 'Triage', 'triage');

        const error = await new MockActivityEnvironment().run(activities().archiveWorkflowHistory, { caseId: sut.caseId, workflowId: sut.handle.workflowId })
          .catch((e: unknown) => e);

        expect(error).toBeInstanceOf(ApplicationFailure);
        expect(error).toMatchObject({ type: 'WorkflowStillRunning', nonRetryable: false });
        expect(await rowsOf(sut.caseId)).toEqual([]);
        await sut.cancel();
      });
    });
  });
});
