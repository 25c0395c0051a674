import { WorkflowNotFoundError } from '@temporalio/client';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { AuditBundle } from '../../src/audit/audit-bundle';
import { AuditModule } from '../../src/audit/audit.module';
import { verifyAuditBundle } from '../../src/audit/bundle-verifier';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { AesGcmPayloadCodec } from '../../src/crypto/aes-gcm-payload-codec';
import { findPayloadKeys } from '../../src/crypto/payload-keys';
import { findTemporalCli } from '../../src/temporal/temporal-binaries';
import { changeRisk } from '../../workflows/messages';
import { createApiApp, type ApiApp } from '../support/api-app';
import { anExpertPool, startCase } from '../support/case-driver';
import { COORDINATOR } from '../support/case-fixtures';
import { eventually } from '../support/eventually';
import { TEST_PAYLOAD_KEY_ENV } from '../support/payload-keys';
import { realTemporalClient } from '../support/real-temporal-client';
import { tamperWithArchive } from '../support/tamper';
import { createWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';

const run = promisify(execFile);

describe('when Temporal has deleted the histories of an ended case', () => {
  let harness: WorkflowHarness;
  let app: ApiApp;
  let caseId: string;
  let workflowIds: string[];

  beforeAll(async () => {
    harness = await createWorkflowHarness({ server: 'dev' });
    await anExpertPool(harness, Array.from({ length: 3 }, () => ({ homeMunicipalityCode: 'GM0344' })));
    app = await createApiApp(harness.db, { imports: [AuditModule, realTemporalClient(harness.env.client)] });
    caseId = await harness.withWorker(async () => {
      const sut = await startCase(harness, { category: 'INCIDENT' });
      await sut.accept();
      // A raised risk starts an escalation ladder, so the case has a workflow of its own and a child.
      await sut.handle.signal(changeRisk, { level: 'CRITICAL', reason: 'a second threat arrived', actor: COORDINATOR });
      await sut.waitFor((state) => state.escalationCount > 0, 'the escalation');
      await sut.cancel('the meeting was called off');
      await sut.awaitArchive();
      return sut.caseId;
    });
    workflowIds = [`case-${caseId}`, `case-${caseId}-esc-1`];
    await Promise.all(workflowIds.map(deleteFromTemporal));
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await harness?.close();
  });

  /**
   * Deletes a closed workflow with the CLI, as retention does, and waits until Temporal answers that it does not know
   * it: the dev server deletes in the background, in about half a minute.
   */
  async function deleteFromTemporal(workflowId: string): Promise<void> {
    await run(findTemporalCli(), ['workflow', 'delete', '--workflow-id', workflowId, '--address', harness.env.address, '--namespace', 'default', '--yes']);
    await eventually(async () => {
      try {
        await harness.env.client.workflow.getHandle(workflowId).describe();
        return undefined;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return true;
        throw error;
      }
    }, `Temporal to forget ${workflowId}`, 120_000);
  }

  const verify = async () => (await app.as('auditor', 'a.devries').get(`/cases/${caseId}/verify`).expect(200)).body;

  it('still verifies the case, replaying every history from the archive', async () => {
    const verification = await verify();

    expect(verification).toMatchObject({ valid: true, chain: { valid: true }, fold: { valid: true, stage: 'Cancelled' }, replay: { status: 'passed' } });
    expect(verification.replay.workflows).toEqual(workflowIds.map((workflowId) => ({ workflowId, status: 'passed', errorType: null, message: null, source: 'archive' })));
  });

  it('exports a bundle that proves itself offline from the archived bytes, and fails it when one of them changed', async () => {
    const bundle = (await app.as('auditor', 'a.devries').get(`/cases/${caseId}/export`).expect(200)).body as AuditBundle;
    const codec = new AesGcmPayloadCodec(findPayloadKeys(loadBrigadeConfig(TEST_PAYLOAD_KEY_ENV)));

    const intact = await verifyAuditBundle(bundle, codec, null);
    const [caseHistory, ...ladders] = bundle.workflowHistories;
    const bytes = Buffer.from(caseHistory.archived!, 'base64');
    bytes[bytes.length - 3] ^= 0x01;
    const altered = await verifyAuditBundle({ ...bundle, workflowHistories: [{ ...caseHistory, archived: bytes.toString('base64') }, ...ladders] }, codec, null);

    expect(bundle.workflowHistories.map(({ workflowId, source }) => [workflowId, source])).toEqual(workflowIds.map((workflowId) => [workflowId, 'archive']));
    expect(intact).toMatchObject({ replay: { status: 'passed' }, recordedEvents: { status: 'passed' }, chain: { valid: true } });
    expect(altered.replay.firstDivergence).toMatchObject({ workflowId: workflowIds[0], errorType: 'ArchiveDamaged' });
    expect(altered.valid).toBe(false);
  });

  it('does not let the application rewrite or remove an archived history', async () => {
    await expect(harness.db.dataSource.query('UPDATE workflow_history_archives SET close_status = $1', ['FAILED'])).rejects.toThrow(/permission denied/);
    await expect(harness.db.dataSource.query('DELETE FROM workflow_history_archives WHERE case_id = $1', [caseId])).rejects.toThrow(/permission denied/);
  });

  describe('and someone alters an archived history in the database', () => {
    let originals: Array<{ workflow_id: string; history: Buffer; sha256: string }>;
    beforeAll(async () => {
      originals = await harness.db.sql('SELECT workflow_id, history, sha256 FROM workflow_history_archives WHERE case_id = $1', [caseId]);
    });
    // Each test alters the archive from the same starting point.
    afterEach(async () => {
      for (const { workflow_id, history, sha256 } of originals) {
        await tamperWithArchive(harness.db, 'UPDATE workflow_history_archives SET history = $2, sha256 = $3 WHERE workflow_id = $1', [workflow_id, history, sha256]);
      }
    });

    it('fails the verification, naming the workflow and both hashes, when one byte changed', async () => {
      const [{ sha256: archived }] = await harness.db.sql<{ sha256: string }>('SELECT sha256 FROM workflow_history_archives WHERE workflow_id = $1', [workflowIds[0]]);
      await tamperWithArchive(harness.db, 'UPDATE workflow_history_archives SET history = set_byte(history, 40, get_byte(history, 40) # 1) WHERE workflow_id = $1', [workflowIds[0]]);
      const [{ actual }] = await harness.db.sql<{ actual: string }>(`SELECT encode(sha256(history), 'hex') AS actual FROM workflow_history_archives WHERE workflow_id = $1`, [workflowIds[0]]);

      const verification = await verify();

      expect(verification).toMatchObject({ valid: false, chain: { valid: true }, replay: { status: 'diverged' } });
      expect(verification.replay.firstDivergence).toEqual({
        workflowId: workflowIds[0], status: 'diverged', errorType: 'ArchiveDamaged', source: 'archive',
        message: expect.stringMatching(new RegExp(`${workflowIds[0]}.*${actual}.*${archived}`)),
      });
    });

    it('fails the verification when the bytes and their hash were both replaced, as the chain recorded another hash', async () => {
      const ladder = workflowIds[1];
      const [{ sha256: recorded }] = await harness.db.sql<{ sha256: string }>('SELECT sha256 FROM workflow_history_archives WHERE workflow_id = $1', [ladder]);
      await tamperWithArchive(harness.db, `UPDATE workflow_history_archives
        SET history = set_byte(history, 40, get_byte(history, 40) # 1), sha256 = encode(sha256(set_byte(history, 40, get_byte(history, 40) # 1)), 'hex')
        WHERE workflow_id = $1`, [ladder]);
      const [{ sha256: forged }] = await harness.db.sql<{ sha256: string }>('SELECT sha256 FROM workflow_history_archives WHERE workflow_id = $1', [ladder]);

      const verification = await verify();

      expect(verification.valid).toBe(false);
      expect(verification.replay.workflows).toContainEqual({
        workflowId: ladder, status: 'diverged', errorType: 'ArchiveDamaged', source: 'archive',
        message: expect.stringMatching(new RegExp(`${ladder}.*${forged}.*HistoryArchived.*${recorded}`)),
      });
    });
  });
});
