import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { MockActivityEnvironment } from '@temporalio/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { createRetentionActivities, type RetentionActivityDependencies } from '../../activities/retention.activities';
import type { Actor } from '../../src/domain/case.vocabulary';
import type { RetentionRule } from '../../src/domain/retention/retention-rules';
import type { DataKeyStore, KeyDestruction } from '../../src/key-store/data-key-store.port';
import { FolderDataKeyStore } from '../../src/key-store/folder-data-key-store';
import { KeyStoreUnavailableError } from '../../src/key-store/key-store.errors';
import { PostgresRetentionStore } from '../../src/retention-store/postgres-retention-store';
import {
  approveRetentionList, rejectRetentionList, RETENTION_SCHEDULE_ID, retentionReviewState, type RetentionReviewOutcome,
} from '../../workflows/messages';
import { recordEndedCase } from '../support/ended-cases';
import { eventually } from '../support/eventually';
import { createWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';

const RULES: RetentionRule[] = [
  { id: 'threat-closed', category: 'THREAT_TO_OFFICIAL', outcome: 'closed', keepFor: 'P10Y', action: 'transfer' },
  { id: 'everything-else', category: '*', outcome: '*', keepFor: 'P2Y', action: 'destroy' },
];
const coordinator = (id: string): Actor => ({ role: 'coordinator', id });
const DAY = 86_400_000;

/** The folder store, with a switch that makes the next destroy fail as an unreachable store would. */
class FlakyKeyStore {
  failNextDestroy = false;
  constructor(readonly inner: DataKeyStore) {}
  store(): DataKeyStore {
    return {
      location: this.inner.location,
      keyIdFor: (scope) => this.inner.keyIdFor(scope),
      keyFor: (scope) => this.inner.keyFor(scope),
      find: (keyId) => this.inner.find(keyId),
      pseudonymFor: (text) => this.inner.pseudonymFor(text),
      destroy: async (keyId: string, destruction: KeyDestruction) => {
        if (this.failNextDestroy) {
          this.failNextDestroy = false;
          throw new KeyStoreUnavailableError(this.inner.location, 'ECONNRESET: the test pulled the plug');
        }
        return this.inner.destroy(keyId, destruction);
      },
    };
  }
}

describe('the daily retention review', () => {
  let harness: WorkflowHarness;
  let keyFolder: string;
  let keys: FlakyKeyStore;
  let dependencies: RetentionActivityDependencies;

  beforeAll(async () => {
    keyFolder = mkdtempSync(path.join(tmpdir(), 'brigade-retention-keys-'));
    keys = new FlakyKeyStore(FolderDataKeyStore.open(keyFolder, randomBytes(32)));
    harness = await createWorkflowHarness({
      extraActivities: (db, eventStore) => {
        dependencies = {
          retentionStore: new PostgresRetentionStore(db.dataSource), eventStore, keyStore: keys.store(),
          retentionRules: RULES, retentionRulesSource: 'test rules',
        };
        return createRetentionActivities(dependencies);
      },
    });
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(keyFolder, { recursive: true, force: true });
  });

  const now = () => Date.now();
  const yearsAgo = (years: number) => new Date(now() - years * 365 * DAY).toISOString();
  async function anEndedCaseWithAKey(spec: Parameters<typeof recordEndedCase>[1]): Promise<{ caseId: string; keyId: string }> {
    const caseId = await recordEndedCase(harness.eventStore, spec);
    const { keyId } = await keys.inner.keyFor({ kind: 'case', caseId });
    return { caseId, keyId };
  }
  const eventsOf = async (caseId: string, type: string) => (await harness.eventStore.readStream(caseId)).filter((event) => event.type === type);
  const listRows = (listId: string) => harness.db.sql<{ case_id: string; action: string; rule_id: string; key_ids: string[] }>(
    'SELECT case_id, action, rule_id, key_ids FROM retention_list_cases WHERE list_id = $1 ORDER BY case_id', [listId]);
  const decisions = (listId: string) => harness.db.sql<{ decision: string; actor_id: string }>(
    'SELECT decision, actor_id FROM retention_list_decisions WHERE list_id = $1 ORDER BY decision_id', [listId]);

  async function startReview(): Promise<{ handle: WorkflowHandle; listId: string }> {
    const handle = await harness.env.client.workflow.start('retentionReview', {
      workflowId: `${RETENTION_SCHEDULE_ID}-${randomUUID()}`, taskQueue: harness.taskQueue, args: [{ approvalWindowMs: 30 * DAY }],
    });
    const { listId } = await eventually(async () => handle.query(retentionReviewState), 'the destruction list to be proposed');
    return { handle, listId };
  }
  const approve = (handle: WorkflowHandle, listId: string, by: string) => handle.executeUpdate(approveRetentionList, { args: [{ listId, actor: coordinator(by) }] });

  describe('when two different coordinators approve the list', () => {
    let due: Array<{ caseId: string; keyId: string }>;
    let young: { caseId: string; keyId: string };
    let archived: { caseId: string; keyId: string };
    let outcome: RetentionReviewOutcome;
    let listId: string;
    let refusalOfTheSamePerson: unknown;
    let keysAfterOneApproval: string[];

    beforeAll(async () => {
      due = [
        await anEndedCaseWithAKey({ outcome: 'closed', endedAt: yearsAgo(3) }),
        await anEndedCaseWithAKey({ outcome: 'cancelled', endedAt: yearsAgo(2.5), category: 'INCIDENT' }),
        await anEndedCaseWithAKey({ outcome: 'rejected', endedAt: yearsAgo(4), category: 'THREAT_TO_OFFICIAL' }),
      ];
      young = await anEndedCaseWithAKey({ outcome: 'closed', endedAt: yearsAgo(1) });
      archived = await anEndedCaseWithAKey({ outcome: 'closed', endedAt: yearsAgo(11), category: 'THREAT_TO_OFFICIAL' });
      await harness.withWorker(async () => {
        const review = await startReview();
        listId = review.listId;
        await approve(review.handle, listId, 'c.jansen');
        refusalOfTheSamePerson = await approve(review.handle, listId, 'c.jansen').catch((error: unknown) => error);
        keysAfterOneApproval = await Promise.all(due.map(async ({ keyId }) => (await keys.inner.find(keyId)).state));
        // The key store fails once in the middle: the activity is retried and must record nothing twice.
        keys.failNextDestroy = true;
        await approve(review.handle, listId, 'c.devries');
        outcome = await review.handle.result();
      });
    });

    it('lists the due cases to destroy and the archive case to transfer, and not the case still within its period', async () => {
      const rows = await listRows(listId);
      expect(rows).toEqual(expect.arrayContaining([
        ...due.map(({ caseId, keyId }) => ({ case_id: caseId, action: 'destroy', rule_id: 'everything-else', key_ids: [keyId] })),
        { case_id: archived.caseId, action: 'transfer', rule_id: 'threat-closed', key_ids: [] },
      ]));
      expect(rows.map((row) => row.case_id)).not.toContain(young.caseId);
    });

    it('destroys nothing on the first approval, and refuses the same coordinator a second time', () => {
      expect(keysAfterOneApproval).toEqual(['active', 'active', 'active']);
      expect(refusalOfTheSamePerson).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(String((refusalOfTheSamePerson as WorkflowUpdateFailedError).cause?.message)).toContain('c.jansen already approved');
    });

    it('destroys exactly the listed keys once the second, different coordinator approves', async () => {
      const listed = (await listRows(listId)).flatMap((row) => row.key_ids);
      expect([...outcome.destroyedKeyIds].sort()).toEqual([...listed].sort());
      for (const { keyId } of due) expect(await keys.inner.find(keyId)).toMatchObject({ state: 'destroyed' });
      expect(await keys.inner.find(young.keyId)).toMatchObject({ state: 'active' });
      expect(await keys.inner.find(archived.keyId)).toMatchObject({ state: 'active' });
    });

    it('records CaseDataDestroyed once in each destroyed case, with the rule and both approvers, and the chain still verifies', async () => {
      for (const { caseId, keyId } of due) {
        const events = await eventsOf(caseId, 'CaseDataDestroyed');
        expect(events.map((event) => event.data)).toEqual([{ listId, rule: 'everything-else', approvedBy: ['c.jansen', 'c.devries'], destroyedKeyIds: [keyId] }]);
        expect(await harness.eventStore.verify(caseId)).toMatchObject({ valid: true });
      }
      expect(await eventsOf(archived.caseId, 'CaseDataDestroyed')).toEqual([]);
    });

    it('records the approvals and the execution, and records nothing twice when the activity runs again', async () => {
      const before = await Promise.all(due.map(({ caseId }) => harness.eventStore.readStream(caseId)));
      await new MockActivityEnvironment().run(createRetentionActivities(dependencies).executeRetentionList, { listId, approvedBy: ['c.jansen', 'c.devries'] });

      expect(await Promise.all(due.map(({ caseId }) => harness.eventStore.readStream(caseId)))).toEqual(before);
      expect(await decisions(listId)).toEqual([
        { decision: 'approved', actor_id: 'c.jansen' }, { decision: 'approved', actor_id: 'c.devries' }, { decision: 'executed', actor_id: 'brigade-retention' },
      ]);
    });

    it('lists neither the destroyed nor the transferred cases again at the next review', async () => {
      const next = await new MockActivityEnvironment().run(createRetentionActivities(dependencies).proposeRetentionList, {
        listId: randomUUID(), asOf: new Date().toISOString(), workflowId: 'probe',
      });
      expect(next).toMatchObject({ destroy: 0, transfer: 0 });
    });
  });

  describe('when a coordinator rejects the list', () => {
    it('destroys nothing, records the rejection, and gives the cases back to the next review', async () => {
      const dueCase = await anEndedCaseWithAKey({ outcome: 'closed', endedAt: yearsAgo(5) });
      let outcome: RetentionReviewOutcome | undefined;
      let listId = '';
      await harness.withWorker(async () => {
        const review = await startReview();
        listId = review.listId;
        await approve(review.handle, listId, 'c.jansen');
        await review.handle.executeUpdate(rejectRetentionList, { args: [{ listId, actor: coordinator('c.devries') }] });
        outcome = await review.handle.result();
        // The review has ended with the rejection: a late approval finds nothing to approve.
        await expect(approve(review.handle, listId, 'c.bakker')).rejects.toThrow();
      });

      expect(outcome).toEqual({ listId, outcome: 'rejected', destroyedKeyIds: [] });
      expect(await keys.inner.find(dueCase.keyId)).toMatchObject({ state: 'active' });
      expect(await eventsOf(dueCase.caseId, 'CaseDataDestroyed')).toEqual([]);
      expect(await decisions(listId)).toEqual([{ decision: 'approved', actor_id: 'c.jansen' }, { decision: 'rejected', actor_id: 'c.devries' }]);
      const next = await new MockActivityEnvironment().run(createRetentionActivities(dependencies).proposeRetentionList, {
        listId: randomUUID(), asOf: new Date().toISOString(), workflowId: 'probe',
      });
      expect((next as { destroy: number }).destroy).toBeGreaterThanOrEqual(1);
    });
  });

  describe('when an expert or an auditor tries to approve', () => {
    it('refuses them in the workflow too', async () => {
      await anEndedCaseWithAKey({ outcome: 'cancelled', endedAt: yearsAgo(3) });
      await harness.withWorker(async () => {
        const { handle, listId } = await startReview();
        for (const role of ['expert', 'auditor'] as const) {
          const refusal = await handle.executeUpdate(approveRetentionList, { args: [{ listId, actor: { role, id: `${role}-1` } }] }).catch((error: unknown) => error);
          expect(refusal).toBeInstanceOf(WorkflowUpdateFailedError);
        }
        expect(await handle.query(retentionReviewState)).toMatchObject({ approvedBy: [], decision: 'pending' });
        await handle.terminate('end of test');
      });
    });
  });
});
