import { MockActivityEnvironment } from '@temporalio/testing';
import { readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { createRetentionActivities } from '../../activities/retention.activities';
import { AuditModule } from '../../src/audit/audit.module';
import type { AuditBundle } from '../../src/audit/audit-bundle';
import { verifyAuditBundle } from '../../src/audit/bundle-verifier';
import { findTrustedLogKey } from '../../src/checkpoints/log-verifier-key';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { CodecServerModule } from '../../src/codec-server/codec-server.module';
import { DESTROYED } from '../../src/domain/sensitive-fields';
import type { SupportRequest } from '../../src/domain/support-request';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { SealedFieldsOpener } from '../../src/field-encryption/sealed-fields-opener';
import { PostgresRetentionStore } from '../../src/retention-store/postgres-retention-store';
import { dataKeyFolderPath } from '../../src/key-store/folder-data-key-store';
import { createApiApp, type ApiApp } from '../support/api-app';
import { anExpertPool } from '../support/case-driver';
import { backUpDatabase, restoreDatabase, type DatabaseBackup } from '../support/database-backup';
import { testPayloadCodec } from '../support/payload-keys';
import { realTemporalClient } from '../support/real-temporal-client';
import { runFullIncidentCase } from '../support/full-case-run';
import { createTestDatabase, createTestKeyFolder, type TestDatabase } from '../support/test-database';
import { createWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';

/** Every payload of the exported histories, as the JSON of the bundle holds them. */
function payloadsIn(value: unknown, found: Array<{ metadata: Record<string, string>; data: string }> = []) {
  if (typeof value !== 'object' || value === null) return found;
  const record = value as Record<string, unknown>;
  if (typeof record.data === 'string' && typeof record.metadata === 'object' && record.metadata !== null) {
    found.push(record as { metadata: Record<string, string>; data: string });
    return found;
  }
  for (const child of Object.values(record)) payloadsIn(child, found);
  return found;
}

describe('a closed case shredded by the retention review: every audit check still passes, and nothing brings its fields back', () => {
  const marker = `canary${randomBytes(8).toString('hex')}`;
  let harness: WorkflowHarness;
  let app: ApiApp;
  let caseId: string;
  let backup: DatabaseBackup;
  let restored: TestDatabase | undefined;
  let publicKeyPem: string;
  let keyFileCopy: string;
  const caseKeyFile = () => path.join(dataKeyFolderPath(harness.db.keyDataDir), `case-${caseId}.key`);

  const auditor = () => app.as('auditor', 'a.devries');
  const coordinator = () => app.as('coordinator', 'c.jansen');

  beforeAll(async () => {
    harness = await createWorkflowHarness();
    await anExpertPool(harness, Array.from({ length: 6 }, () => ({ homeMunicipalityCode: 'GM0344' })));
    app = await createApiApp(harness.db, { imports: [AuditModule, CodecServerModule, realTemporalClient(harness.env.client)] });
    caseId = await runFullIncidentCase(harness, {
      description: `Onrust na ${marker}`,
      officeHolder: { name: `Burgemeester ${marker}`, office: `burgemeester ${marker}`, details: `bedreigd via ${marker}` },
    });
    await auditor().post('/checkpoints').expect(200);
    publicKeyPem = (await auditor().get('/checkpoints/public-key').expect(200)).body.publicKeyPem;
    // A backup of the event database, taken while the case's keys still exist, and a copy of the case's key file.
    backup = await backUpDatabase(harness.db);
    keyFileCopy = await readFile(caseKeyFile(), 'utf8');

    // The retention review's own activities carry out a list that two coordinators approved.
    const retentionStore = new PostgresRetentionStore(harness.db.dataSource);
    const activities = createRetentionActivities({
      retentionStore, eventStore: harness.eventStore, keyStore: harness.db.keyStore, retentionRulesSource: 'test',
      retentionRules: [{ id: 'everything', category: '*', outcome: '*', keepFor: 'P1D', action: 'destroy' }],
    });
    const listId = randomUUID();
    const activity = new MockActivityEnvironment({ workflowExecution: { workflowId: `retention-review-${listId}`, runId: 'run-1' }, activityId: '1' });
    // The time-skipping server ran the case's follow-ups months ahead of the wall clock; the review runs after that.
    const closedAt = (await harness.eventStore.readStream(caseId)).find((event) => event.type === 'CaseClosed')!.occurredAt;
    const asOf = new Date(Date.parse(closedAt) + 2 * 86_400_000).toISOString();
    expect(await activity.run(activities.proposeRetentionList, { listId, asOf, workflowId: `retention-review-${listId}` })).toMatchObject({ destroy: 1 });
    for (const id of ['c.jansen', 'c.devries']) await retentionStore.recordListDecision(listId, 'approved', { role: 'coordinator', id });
    await activity.run(activities.executeRetentionList, { listId, approvedBy: ['c.jansen', 'c.devries'] });
    await auditor().post('/checkpoints').expect(200);
  });
  afterAll(async () => {
    await restored?.drop();
    await app?.close();
    await harness?.close();
  });

  it('passes every check of the case after the shredding: chain, fold, read model, replay, recorded events and the log', async () => {
    const response = await auditor().get(`/cases/${caseId}/verify`).expect(200);

    expect(response.body).toMatchObject({
      caseId, valid: true, chain: { valid: true }, fold: { valid: true, stage: 'Closed' }, projection: { consistent: true },
      replay: { status: 'passed' }, recordedEvents: { status: 'passed' }, log: { status: 'passed' },
    });
    expect(response.body.replay.workflows.length).toBeGreaterThanOrEqual(2);
    expect((await harness.eventStore.readStream(caseId)).map((event) => event.type)).toContain('CaseDataDestroyed');
  });

  it('passes the exported bundle offline, and the bundle holds the fields nowhere', async () => {
    const bundle = (await auditor().get(`/cases/${caseId}/export`).expect(200)).body as AuditBundle;

    // The log's key as an auditor holding the operator's public key file gives it, with no database or Temporal at hand.
    const trusted = findTrustedLogKey(loadBrigadeConfig({}), bundle.log!.origin, { path: 'log-key.pem', text: publicKeyPem });
    const verification = await verifyAuditBundle(JSON.parse(JSON.stringify(bundle)) as AuditBundle, testPayloadCodec(), trusted!.verifierKey);

    expect(verification).toMatchObject({ valid: true, chain: { valid: true }, replay: { status: 'passed' }, recordedEvents: { status: 'passed' }, log: { status: 'passed' } });
    expect(JSON.stringify(bundle)).not.toContain(marker);
  });

  it('shows the fields as destroyed, the office holder too, and no API gives them back, not even the codec endpoint', async () => {
    const timeline = (await coordinator().get(`/cases/${caseId}/timeline`).expect(200)).body;
    const bundle = (await auditor().get(`/cases/${caseId}/export`).expect(200)).body as AuditBundle;
    const decoded = (await coordinator().post('/codec/decode').send({ payloads: payloadsIn(bundle.workflowHistories) }).expect(200)).body;
    const decodedText = (decoded.payloads as Array<{ data: string }>).map(({ data }) => Buffer.from(data, 'base64').toString('utf8')).join('\n');

    const request = (timeline.events[0].data as { request: SupportRequest }).request;
    expect(request.description).toBe(DESTROYED);
    expect(request.officeHolder).toEqual({ name: DESTROYED, office: DESTROYED, details: DESTROYED });
    expect(JSON.stringify(timeline)).not.toContain(marker);
    expect(decodedText).toContain(JSON.stringify(DESTROYED));
    expect(decodedText).not.toContain(marker);
  });

  it('keeps the case countable: its category, stage and dates are not personal data', async () => {
    const [row] = await harness.db.sql<{ stage: string; category: string }>(
      "SELECT state->>'stage' AS stage, state->>'category' AS category FROM cases WHERE case_id = $1", [caseId]);

    expect(row).toEqual({ stage: 'Closed', category: 'INCIDENT' });
  });

  it('cannot show the fields from a backup taken before the shredding, restored: the keys were never in the database', async () => {
    restored = await createTestDatabase(createTestKeyFolder());
    await restoreDatabase(backup, restored);
    const restoredStore = new PostgresEventStore(restored.dataSource, harness.db.keyStore);

    const events = await restoredStore.readStream(caseId);
    const [received] = await new SealedFieldsOpener(harness.db.keyStore).openEvents(events);

    expect(events.map((event) => event.type)).not.toContain('CaseDataDestroyed');
    expect(await restoredStore.verify(caseId)).toMatchObject({ valid: true });
    expect((received.data as { request: SupportRequest }).request).toMatchObject({
      description: DESTROYED, officeHolder: { name: DESTROYED, office: DESTROYED, details: DESTROYED },
    });
    expect([...backup.tables.values()].flat().join('\n')).not.toContain(marker);
  });

  it("does not bring the fields back when the case's key file is put back from a copy: the case records the destruction", async () => {
    // Found by the attack pass: a key file restored from a copy, its tombstone moved away, opened the destroyed case.
    await writeFile(caseKeyFile(), keyFileCopy, { mode: 0o600 });
    await rm(caseKeyFile().replace(/\.key$/, '.destroyed'));

    const timeline = (await coordinator().get(`/cases/${caseId}/timeline`).expect(200)).body;

    expect((timeline.events[0].data as { request: SupportRequest }).request.description).toBe(DESTROYED);
    expect(JSON.stringify(timeline)).not.toContain(marker);
  });
});

