import { randomBytes, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { SealedFieldsOpener } from '../../src/field-encryption/sealed-fields-opener';
import { dataKeyFolderPath } from '../../src/key-store/folder-data-key-store';
import { AuditModule } from '../../src/audit/audit.module';
import type { UserRole } from '../../src/domain/user-role';
import { foldCase } from '../../src/domain/case.state';
import type { CaseEvent } from '../../src/domain/case.events';
import { createApiApp, type ApiApp } from '../support/api-app';
import { anExpertPool } from '../support/case-driver';
import { COORDINATOR } from '../support/case-fixtures';
import { recordFullCase } from '../support/full-case-history';
import { runFullIncidentCase } from '../support/full-case-run';
import { realTemporalClient } from '../support/real-temporal-client';
import { tamperWithHistory } from '../support/tamper';
import { createWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';
import { problemText, refusalText } from '../support/catalogue-texts';
import { withCaseStateTexts } from '../../src/i18n/case-state-texts';

describe('the audit HTTP API', () => {
  let harness: WorkflowHarness;
  let app: ApiApp;
  /** A case a real workflow ran from request to closure, with an escalation ladder of its own. */
  let workflowCaseId: string;

  beforeAll(async () => {
    harness = await createWorkflowHarness();
    await anExpertPool(harness, Array.from({ length: 6 }, () => ({ homeMunicipalityCode: 'GM0344' })));
    app = await createApiApp(harness.db, { imports: [AuditModule, realTemporalClient(harness.env.client)] });
    workflowCaseId = await runFullIncidentCase(harness);
  });
  afterAll(async () => {
    await app?.close();
    await harness?.close();
  });

  const as = (role: UserRole, subject = `${role}-test`) => app.as(role, subject);
  const auditor = () => as('auditor', 'a.devries');
  const aGeneratedCase = () => recordFullCase(harness.eventStore);

  describe('GET /cases/:id/timeline', () => {
    it('lists the events in order with their actors, times and chained hashes', async () => {
      const { caseId, events } = await aGeneratedCase();

      const response = await auditor().get(`/cases/${caseId}/timeline`).expect(200);

      expect(response.body.caseId).toBe(caseId);
      expect(response.body.events).toHaveLength(events.length);
      const [first, second] = response.body.events;
      expect(Object.keys(first).sort()).toEqual(['actor', 'data', 'hash', 'occurredAt', 'prevHash', 'recordedAt', 'type', 'version']);
      expect(first).toMatchObject({ version: 1, type: 'RequestReceived', actor: COORDINATOR, occurredAt: events[0].occurredAt, prevHash: '0'.repeat(64) });
      expect(second.prevHash).toBe(first.hash);
      expect(response.body.events.map((event: { type: string }) => event.type)).toEqual(events.map((event) => event.type));
    });

    it('shows the actors of a real run, people and the system', async () => {
      const response = await as('coordinator').get(`/cases/${workflowCaseId}/timeline`).expect(200);

      const roles = new Set(response.body.events.map((event: { actor: { role: string } }) => event.actor.role));
      expect([...roles].sort()).toEqual(['coordinator', 'expert', 'system']);
    });
  });

  describe('GET /cases/:id/state', () => {
    it('folds the events up to a version', async () => {
      const { caseId, events } = await aGeneratedCase();
      const teamVersion = events.findIndex((event) => event.type === 'TeamAssembled') + 1;

      const response = await auditor().get(`/cases/${caseId}/state?version=${teamVersion}`).expect(200);

      // Opened as the auditor reads them: the experts' names are sealed in the store.
      const stored = (await new SealedFieldsOpener(harness.db.keyStore).openEvents(await harness.eventStore.readStream(caseId, teamVersion))) as unknown as CaseEvent[];
      // Dutch unless English is asked for: the domain texts carry their rendering beside their codes.
      expect(response.body).toEqual({ caseId, version: teamVersion, at: events[teamVersion - 1].occurredAt, state: withCaseStateTexts(foldCase(stored)!, 'nl') });
      expect(response.body.state).toMatchObject({ stage: 'Preparation', riskLevel: 'MEDIUM' });
    });

    it("renders the state's domain texts in the language the auditor accepts", async () => {
      const { caseId } = await aGeneratedCase();

      const response = await auditor().get(`/cases/${caseId}/state?version=2`).set('Accept-Language', 'en').expect(200);

      expect(response.body.state.riskReasons).toEqual([{ code: 'risk.expected_attendance', params: { count: 200 }, text: '200 people expected' }]);
    });

    it('folds the events that occurred by a moment', async () => {
      const { caseId, events } = await aGeneratedCase();
      const risk = events.find((event) => event.type === 'RiskLevelChanged')!;
      const minuteLater = new Date(Date.parse(risk.occurredAt) + 60_000).toISOString();

      const response = await auditor().get(`/cases/${caseId}/state`).query({ at: minuteLater }).expect(200);

      expect(response.body).toMatchObject({ caseId, at: minuteLater, state: { stage: 'Preparation', riskLevel: 'HIGH', escalationCount: 1 } });
      expect(response.body.version).toBe(events.findIndex((event) => event.type === 'EscalationRaised') + 1);
    });

    it('answers the state a real run had before its team was complete', async () => {
      const timeline = (await auditor().get(`/cases/${workflowCaseId}/timeline`).expect(200)).body.events as Array<{ type: string; occurredAt: string }>;
      const accepted = timeline.find((event) => event.type === 'RequestAccepted')!;

      const response = await auditor().get(`/cases/${workflowCaseId}/state`).query({ at: accepted.occurredAt }).expect(200);

      expect(response.body.state).toMatchObject({ stage: 'Matching', team: [] });
    });

    it.each([
      ['neither version nor at', '', { code: 'version_or_moment', params: {} }, 'at'],
      ['both version and at', '?version=2&at=2027-03-01T09:00:00Z', { code: 'not_version_and_moment', params: {} }, 'at'],
      ['a version of 0', '?version=0', { code: 'too_small', params: { min: 1 } }, 'version'],
      ['a version that is not a number', '?version=latest', { code: 'not_a_whole_number', params: {} }, 'version'],
      ['a version with a fraction', '?version=2.5', { code: 'not_a_whole_number', params: {} }, 'version'],
      ['an at that is not a time', '?at=yesterday', { code: 'not_a_date_time', params: { example: '2027-03-01T19:00:00+01:00' } }, 'at'],
      ['an at given as an ISO week', '?at=2027-W09', { code: 'not_a_date_time', params: { example: '2027-03-01T19:00:00+01:00' } }, 'at'],
      ['an at before 2015', '?at=2014-12-31T23:59:59Z', { code: 'too_early', params: { earliest: '2015-01-01T00:00:00Z' } }, 'at'],
      ['an unknown parameter', '?version=1&asOf=now', { code: 'unknown_field', params: {} }, 'asOf'],
    ])('answers 400 naming the problem for %s', async (_case, query, problem, field) => {
      const { caseId } = await aGeneratedCase();

      const response = await auditor().get(`/cases/${caseId}/state${query}`).expect(400);

      const message = problemText(field, problem);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'invalid_input', message: expect.stringContaining(message) });
      expect(response.body.fields).toContainEqual({ field, problems: [message], issues: [{ ...problem, message }] });
    });

    it('answers 404 naming the last version for a version beyond it', async () => {
      const { caseId, events } = await aGeneratedCase();

      const response = await auditor().get(`/cases/${caseId}/state?version=${events.length + 1}`).expect(404);

      const params = { caseId, version: events.length + 1, lastVersion: events.length };
      expect(response.body).toMatchObject({ code: 'not_found', message: refusalText('version_beyond_last', params), reason: { code: 'version_beyond_last', params } });
    });

    it('answers 404 saying the case did not exist yet for a moment before its first event', async () => {
      const { caseId, events } = await aGeneratedCase();

      const response = await auditor().get(`/cases/${caseId}/state`).query({ at: '2020-01-01T00:00:00Z' }).expect(404);

      expect(response.body.reason).toEqual({ code: 'moment_before_first', params: { caseId, at: '2020-01-01T00:00:00Z', firstOccurredAt: events[0].occurredAt } });
    });
  });

  describe('GET /cases/:id/verify', () => {
    it('passes a real run: chain, fold, read model, and the replay of the case and its ladder', async () => {
      const response = await auditor().get(`/cases/${workflowCaseId}/verify`).expect(200);

      expect(response.body).toMatchObject({
        caseId: workflowCaseId,
        valid: true,
        chain: { valid: true, firstInvalidVersion: null },
        fold: { valid: true, stage: 'Closed' },
        projection: { consistent: true },
        replay: { status: 'passed', firstDivergence: null },
      });
      expect(response.body.replay.workflows.map((workflow: { workflowId: string }) => workflow.workflowId))
        .toEqual([`case-${workflowCaseId}`, `case-${workflowCaseId}-esc-1`]);
    });

    it('passes the same real run asked for with its id in upper case, answering the id in lower case', async () => {
      const response = await auditor().get(`/cases/${workflowCaseId.toUpperCase()}/verify`).expect(200);

      expect(response.body).toMatchObject({ caseId: workflowCaseId, valid: true, replay: { status: 'passed' } });
    });

    it('names the first version of an event altered in the database', async () => {
      const { caseId, events } = await aGeneratedCase();
      const riskVersion = events.findIndex((event) => event.type === 'RiskLevelChanged') + 1;
      await tamperWithHistory(harness.db, `UPDATE case_events SET data = jsonb_set(data, '{to}', '"LOW"') WHERE case_id = $1 AND version = $2`, [caseId, riskVersion]);

      const response = await auditor().get(`/cases/${caseId}/verify`).expect(200);

      expect(response.body).toMatchObject({
        valid: false,
        chain: { valid: false, firstInvalidVersion: riskVersion, problem: 'hash does not match the event content' },
      });
    });

    it('finds a read model that drifted from the events', async () => {
      const { caseId } = await aGeneratedCase();
      await harness.db.sql(`UPDATE cases SET state = jsonb_set(state, '{stage}', '"Cancelled"') WHERE case_id = $1`, [caseId]);

      const response = await auditor().get(`/cases/${caseId}/verify`).expect(200);

      expect(response.body).toMatchObject({
        valid: false, chain: { valid: true },
        projection: { consistent: false, problem: "the read model's state differs from the fold of the events in: stage" },
      });
    });

    it('reports the replay as unavailable, not passed, when neither Temporal nor the archive has a history of the case', async () => {
      const { caseId } = await aGeneratedCase();

      const response = await auditor().get(`/cases/${caseId}/verify`).expect(200);

      expect(response.body).toMatchObject({ valid: false, chain: { valid: true }, fold: { valid: true }, projection: { consistent: true } });
      expect(response.body.replay).toEqual({
        status: 'unavailable', firstDivergence: null,
        workflows: [{
          workflowId: `case-${caseId}`, status: 'unavailable', errorType: null, source: null,
          message: expect.stringContaining('neither Temporal nor the archive has the history'),
        }],
      });
    });
  });

  describe('GET /cases/:id/export', () => {
    it('downloads the events as stored, the histories and the verification as case-<id>.audit.json', async () => {
      const response = await auditor().get(`/cases/${workflowCaseId}/export`).expect(200);

      expect(response.headers['content-disposition']).toBe(`attachment; filename=case-${workflowCaseId}.audit.json`);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      const stored = await harness.eventStore.readStream(workflowCaseId);
      expect(response.body).toMatchObject({
        format: 'brigade-case-audit', formatVersion: 2, caseId: workflowCaseId, events: stored, verification: { valid: true },
        log: { origin: 'brigade.local/case-events', keyId: expect.stringMatching(/^[0-9a-f]{8}$/) },
      });
      expect(response.body.log.entries.map((entry: { version: number; eventHash: string }) => [entry.version, entry.eventHash]))
        .toEqual(stored.map((event) => [event.version, event.hash]));
      expect(Date.parse(response.body.exportedAt)).not.toBeNaN();
      expect(response.body.workflowHistories.map((entry: { workflowId: string }) => entry.workflowId))
        .toEqual([`case-${workflowCaseId}`, `case-${workflowCaseId}-esc-1`]);
      expect(response.body.workflowHistories[0].history.events[0].eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED');
    });
  });

  describe('for a case that does not exist', () => {
    it.each(['timeline', 'state?version=1', 'verify', 'export'])('answers 404 on %s', async (route) => {
      const missing = randomUUID();

      const response = await auditor().get(`/cases/${missing}/${route}`).expect(404);

      expect(response.body).toEqual({
        statusCode: 404, code: 'not_found', message: refusalText('case_not_found', { caseId: missing }), reason: { code: 'case_not_found', params: { caseId: missing } }, fields: [],
      });
    });

    it('answers 400 for a case id that is not a UUID', async () => {
      const response = await auditor().get('/cases/not-a-case/timeline').expect(400);

      const message = problemText('id', { code: 'not_an_id' });
      expect(response.body).toEqual({
        statusCode: 400, code: 'invalid_input', message, reason: { code: 'invalid_input', params: {} },
        fields: [{ field: 'id', problems: [message], issues: [{ code: 'not_an_id', params: {}, message }] }],
      });
    });
  });

  describe('who may call what', () => {
    const routes = ['timeline', 'state?version=1', 'verify', 'export'];

    it.each(['verify', 'export'])('refuses a coordinator the audit-only %s with 403', async (route) => {
      const response = await as('coordinator').get(`/cases/${workflowCaseId}/${route}`).expect(403);

      expect(response.body.code).toBe('forbidden');
    });

    it.each(['timeline', 'state?version=1'])('lets a coordinator read the %s', async (route) => {
      await as('coordinator').get(`/cases/${workflowCaseId}/${route}`).expect(200);
    });

    it.each(routes)('refuses an expert %s with 403, even on a case they are on', async (route) => {
      const timeline = (await auditor().get(`/cases/${workflowCaseId}/timeline`).expect(200)).body.events as Array<{ type: string; actor: { id: string } }>;
      const teamMember = timeline.find((event) => event.type === 'OfferAccepted')!.actor.id;

      await as('expert', teamMember).get(`/cases/${workflowCaseId}/${route}`).expect(403);
    });

    it.each(routes)('refuses %s without a token with 401', async (route) => {
      await app.api().get(`/cases/${workflowCaseId}/${route}`).expect(401);
    });
  });

  describe('for a case whose data key file was damaged', () => {
    // Found by the attack pass: a damaged or swapped key file answered a bare 500 everywhere, verify included.
    let caseId: string;

    beforeAll(async () => {
      caseId = await runFullIncidentCase(harness);
      const file = path.join(dataKeyFolderPath(harness.db.keyDataDir), `case-${caseId}.key`);
      const record = JSON.parse(await readFile(file, 'utf8')) as { wrapped: string };
      await writeFile(file, JSON.stringify({ ...record, wrapped: randomBytes(60).toString('base64') }));
    });

    it('answers reading its sealed fields with a 500 that names the key, in Dutch by default', async () => {
      const response = await auditor().get(`/cases/${caseId}/timeline`).expect(500);

      expect(response.body).toMatchObject({ code: 'data_key_unreadable', reason: { code: 'data_key_unreadable', params: { keyId: `case-${caseId}` } } });
      expect(response.body.message).toBe(refusalText('data_key_unreadable', { keyId: `case-${caseId}` }));
    });

    it('still verifies the case, which needs no data key: the sealed fields stay uncompared, their ciphertext chained', async () => {
      const response = await auditor().get(`/cases/${caseId}/verify`).expect(200);

      expect(response.body).toMatchObject({
        valid: true, chain: { valid: true }, fold: { valid: true }, replay: { status: 'passed' }, recordedEvents: { status: 'passed' },
      });
    });
  });

  describe('for a case whose read model row had sealed values moved or replaced', () => {
    // Found by the attack pass: swapped or plain values in the row showed on the case page while verify said consistent.
    let caseId: string;
    const setOutcomes = (first: string, second: string) => harness.db.sql(
      `UPDATE cases SET state = jsonb_set(jsonb_set(state, '{tasks,0,outcome}', $2::jsonb), '{tasks,1,outcome}', $3::jsonb) WHERE case_id = $1`, [caseId, first, second]);
    let original: [string, string];

    beforeAll(async () => {
      caseId = await runFullIncidentCase(harness);
      const [row] = await harness.db.sql<{ first: unknown; second: unknown }>(
        "SELECT state->'tasks'->0->'outcome' AS first, state->'tasks'->1->'outcome' AS second FROM cases WHERE case_id = $1", [caseId]);
      original = [JSON.stringify(row.first), JSON.stringify(row.second)];
    });
    afterEach(() => setOutcomes(...original));

    it('finds two sealed outcomes swapped between tasks, which no key refuses', async () => {
      await setOutcomes(original[1], original[0]);

      const response = await auditor().get(`/cases/${caseId}/verify`).expect(200);

      expect(response.body).toMatchObject({ valid: false, chain: { valid: true }, projection: { consistent: false, problem: expect.stringContaining('tasks') } });
    });

    it('finds a plain text put in place of a sealed outcome', async () => {
      await setOutcomes(JSON.stringify('FORGED-PLAIN-OUTCOME'), original[1]);

      const response = await auditor().get(`/cases/${caseId}/verify`).expect(200);

      expect(response.body).toMatchObject({ valid: false, projection: { consistent: false, problem: expect.stringContaining('tasks') } });
    });

    it("finds a sealed value moved into the row from another field, which does not open there", async () => {
      await harness.db.sql(`UPDATE cases SET state = jsonb_set(state, '{tasks,0,outcome}', state->'session'->'outcomes') WHERE case_id = $1`, [caseId]);

      const response = await auditor().get(`/cases/${caseId}/verify`).expect(200);

      expect(response.body).toMatchObject({ valid: false, projection: { consistent: false, problem: expect.stringContaining("state:tasks.*.outcome does not open") } });
    });

    it('passes the row once it is as the events say', async () => {
      await auditor().get(`/cases/${caseId}/verify`).expect(200).expect((response) => expect(response.body.projection.consistent).toBe(true));
    });
  });
});

