import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import request from 'supertest';
import { startBrigadeProcess, type BrigadeProcess } from '../support/brigade-process';
import { cliToken } from '../support/cli-token';
import { withBearer } from '../support/with-bearer';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';
import type { CaseState } from '../../src/domain/case.state';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { AesGcmPayloadCodec } from '../../src/crypto/aes-gcm-payload-codec';
import { brigadeDataConverter } from '../../src/crypto/brigade-data-converter';
import { findPayloadKeys } from '../../src/crypto/payload-keys';
import { caseIdForIdempotencyKey } from '../../src/cases/case-request.mapper';

const aRequest = {
  category: 'THREAT_TO_OFFICIAL',
  municipalityCode: 'GM1900',
  safetyRegion: 'fryslan',
  requesterRole: 'mayor',
  description: 'Wethouder ontvangt dreigberichten na besluit over opvang',
  eventDate: '2027-02-10T19:30:00Z',
  indicators: { threatsReceived: true, officeHolderPersonallyTargeted: true },
};

describe('Brigade on its embedded default, over HTTP', () => {
  let brigade: BrigadeProcess;
  let env: Record<string, string>;
  let api: ReturnType<typeof request>;
  let baseUrl: string;
  let pgPort: number;
  let dataDir: string;
  let coordinatorToken: string;
  /** The audit bundle of the closed case, checked offline once Brigade and its database have stopped. */
  let exportedBundle: string | undefined;
  let auditorToken: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'brigade-e2e-'));
    const [httpPort, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort()];
    pgPort = await freePort();
    env = {
      NO_COLOR: '1', BRIGADE_DATA_DIR: dataDir, PORT: String(httpPort), BRIGADE_EMBEDDED_POSTGRES_PORT: String(pgPort),
      BRIGADE_TEMPORAL_DEV_PORT: String(temporalPort), BRIGADE_TEMPORAL_UI_PORT: String(uiPort),
    };
    brigade = await startBrigadeProcess(env);
    baseUrl = `http://127.0.0.1:${httpPort}`;
    api = request(baseUrl);
    // Issued by the token command on the same data folder: the secret the app generated there is the one it signs with.
    coordinatorToken = await cliToken(env, 'coordinator', 'c.jansen');
    auditorToken = await cliToken(env, 'auditor', 'a.visser');
  }, 120_000);

  /** Requests with a bearer token, as the signed-in person would send them. */
  const as = (token: string) => withBearer(baseUrl, `Bearer ${token}`);
  const coordinator = () => as(coordinatorToken);
  const auditor = () => as(auditorToken);
  async function asExpert(expertId: string) {
    return as(await cliToken(env, 'expert', expertId));
  }

  afterAll(async () => {
    expect(await brigade?.stop()).toBe(0);
  }, 60_000);

  /** Whether Temporal knows a workflow by this id; should one exist, the app's key reads its memo. */
  async function workflowExists(workflowId: string): Promise<boolean> {
    const connection = await Connection.connect({ address: `127.0.0.1:${env.BRIGADE_TEMPORAL_DEV_PORT}` });
    const dataConverter = brigadeDataConverter(new AesGcmPayloadCodec(findPayloadKeys(loadBrigadeConfig(env))));
    try {
      await new Client({ connection, dataConverter }).workflow.getHandle(workflowId).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    } finally {
      await connection.close();
    }
  }


  it('reports PostgreSQL and Temporal healthy', async () => {
    await api.get('/health').expect(200, { status: 'ok', database: 'up', temporal: 'up', keyStore: 'up' });
  });

  async function liveState(caseId: string): Promise<CaseState> {
    return (await coordinator().get(`/cases/${caseId}`).expect(200)).body.live as CaseState;
  }

  async function until(caseId: string, predicate: (state: CaseState) => boolean, what: string): Promise<CaseState> {
    return eventually(async () => {
      const state = await liveState(caseId);
      return predicate(state) ? state : undefined;
    }, what);
  }

  it('drives one full case from request to verified closure, with experts accepting and completing their tasks', async () => {
    for (const [index, name] of ['Anouk de Vries', 'Bram Jansen'].entries()) {
      await coordinator().post('/experts').send({
        name, email: `e2e-${Date.now()}-${index}@brigade.test`, categories: ['CITIZEN_MEETING'],
        skills: ['mediation', 'communication', 'security'], homeMunicipalityCode: 'GM0307', safetyRegion: 'utrecht', capacity: 3,
      }).expect(201);
    }
    // The meeting is a minute away, so the lead can report on it within the test, and not before the steps up to it are taken.
    const eventDate = new Date(Date.now() + 60_000).toISOString();
    const { caseId } = (await coordinator().post('/cases').send({
      category: 'CITIZEN_MEETING', municipalityCode: 'GM0321', requesterRole: 'alderman',
      description: 'Informatieavond over tijdelijke opvang', eventDate, indicators: {},
    }).expect(201)).body as { caseId: string };

    await coordinator().post(`/cases/${caseId}/triage`).send({ decision: 'accept' }).expect(200);
    const offered = await until(caseId, (s) => s.openOffers.length === 1, 'an offer');
    const lead = offered.openOffers[0].expertId;
    const leadExpert = await asExpert(lead);
    await leadExpert.post(`/cases/${caseId}/offers/${offered.openOffers[0].offerId}/accept`).send({}).expect(200);

    // A session cannot be planned with lead time before an event this close: the case escalates, the coordinator acknowledges.
    const preparing = await until(caseId, (s) => s.tasks.length > 0 && s.openEscalations.length > 0, 'tasks and the session escalation');
    await coordinator().post(`/cases/${caseId}/escalations/${preparing.openEscalations[0].escalationId}/acknowledge`).send({}).expect(200);
    for (const task of preparing.tasks) {
      const assignee = await asExpert(task.assigneeId!);
      await assignee.post(`/cases/${caseId}/tasks/${task.taskId}/complete`).send({ outcome: `${task.title}: klaar` }).expect(200);
    }
    await leadExpert.post(`/cases/${caseId}/session/held`).send({ outcomes: 'Draaiboek en rolverdeling afgesproken' }).expect(200);

    await leadExpert.post(`/cases/${caseId}/intervention`).send({ outcome: 'calm', notes: 'te vroeg' }).expect(409);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(eventDate) - Date.now() + 500)));
    await leadExpert.post(`/cases/${caseId}/intervention`).send({ outcome: 'calm', notes: 'Rustig verlopen' }).expect(200);
    const followingUp = await until(caseId, (s) => s.followUps.length === 2, 'the follow-ups');
    for (const followUp of followingUp.followUps) {
      await leadExpert.post(`/cases/${caseId}/follow-ups/${followUp.followUpId}`).send({ ongoingRisk: false, notes: 'Geen signalen' }).expect(200);
    }
    await coordinator().post(`/cases/${caseId}/close`).send({}).expect(409);
    await coordinator().post(`/cases/${caseId}/evaluation`).send({ summary: 'Goede voorbereiding, rustige avond' }).expect(200);
    await coordinator().post(`/cases/${caseId}/close`).send({ summary: 'Afgerond' }).expect(200);

    // As it ends, the case archives its workflow's history and its ladder's, each recorded in the chain.
    const events = await eventually(async () => {
      const recorded = (await coordinator().get(`/cases/${caseId}/events`).expect(200)).body as Array<{ type: string; version: number }>;
      return recorded.filter((e) => e.type === 'HistoryArchived').length === 2 ? recorded : undefined;
    }, 'the archived histories');
    // Messages are recorded as they go out, between the case's steps; the steps themselves come in this order.
    expect(events.map((e) => e.type).filter((type) => type !== 'NotificationSent')).toEqual([
      'RequestReceived', 'IntakeAssessed', 'RequestAccepted', 'ExpertOffered', 'OfferAccepted', 'TeamAssembled',
      'PreparatorySessionScheduled', 'TaskAssigned', 'TaskAssigned', 'TaskAssigned',
      'EscalationRaised', 'EscalationAcknowledged', 'EscalationResolved',
      'TaskCompleted', 'TaskCompleted', 'TaskCompleted', 'PreparatorySessionHeld', 'InterventionReported',
      'FollowUpScheduled', 'FollowUpScheduled', 'FollowUpCompleted', 'FollowUpCompleted', 'CaseEvaluated', 'CaseClosed',
      'HistoryArchived', 'HistoryArchived',
    ]);
    expect(events.map((e) => e.version)).toEqual(events.map((_, index) => index + 1));
    // Over the SMTP server inside Brigade: the offer, the session invitation and the tasks went to the expert, and nothing failed.
    const sentKinds = events.filter((e) => e.type === 'NotificationSent').map((e) => (e as unknown as { data: { kind: string } }).data.kind);
    expect(sentKinds).toEqual(expect.arrayContaining(['offerMade', 'sessionScheduled', 'taskAssigned', 'escalationRaised']));
    expect(events.some((e) => e.type === 'NotificationFailed')).toBe(false);
    // The auditor's verification replays the case's real Temporal history (and its escalation ladder) with today's code.
    const verification = (await auditor().get(`/cases/${caseId}/verify`).expect(200)).body;
    expect(verification).toMatchObject({ valid: true, chain: { valid: true, eventCount: events.length }, projection: { consistent: true } });
    expect(verification.replay.status).toBe('passed');
    expect(verification.replay.workflows.map((w: { workflowId: string }) => w.workflowId)).toEqual([`case-${caseId}`, expect.stringMatching(`^case-${caseId}-esc-`)]);
    await coordinator().get(`/cases/${caseId}/verify`).expect(403);
    await leadExpert.get(`/cases/${caseId}/timeline`).expect(403);
    const timeline = (await auditor().get(`/cases/${caseId}/timeline`).expect(200)).body;
    expect(JSON.stringify(timeline)).toContain(lead);
    const asOfSession = events.findIndex((e) => e.type === 'PreparatorySessionHeld') + 1;
    const stateThen = (await auditor().get(`/cases/${caseId}/state`).query({ version: asOfSession }).expect(200)).body;
    expect(stateThen).toMatchObject({ version: asOfSession, state: { stage: 'Intervention', intervention: null, session: { outcomes: 'Draaiboek en rolverdeling afgesproken' } } });
    const exported = await auditor().get(`/cases/${caseId}/export`).expect(200);
    exportedBundle = path.join(dataDir, `case-${caseId}.audit.json`);
    await writeFile(exportedBundle, exported.text);
    const listed = (await coordinator().get('/cases').query({ stage: 'Closed', region: 'utrecht' }).expect(200)).body as { items: Array<{ caseId: string }> };
    expect(listed.items.map((item) => item.caseId)).toContain(caseId);
    // Temporal's own visibility finds the case by the search attributes the workflow keeps current. The memo in the
    // listing is encrypted, so this client reads with the key the app generated in its data folder.
    const connection = await Connection.connect({ address: `127.0.0.1:${env.BRIGADE_TEMPORAL_DEV_PORT}` });
    const dataConverter = brigadeDataConverter(new AesGcmPayloadCodec(findPayloadKeys(loadBrigadeConfig(env))));
    try {
      const found = await eventually(async () => {
        const ids: string[] = [];
        for await (const execution of new Client({ connection, dataConverter }).workflow.list({ query: "BrigadeStage='Closed' AND BrigadeSafetyRegion='utrecht' AND BrigadeCategory='CITIZEN_MEETING'" })) {
          ids.push(execution.workflowId);
        }
        return ids.includes(`case-${caseId}`) ? ids : undefined;
      }, 'the case in Temporal visibility');
      expect(found).toContain(`case-${caseId}`);
    } finally {
      await connection.close();
    }
  }, 120_000);

  describe('with an Idempotency-Key', () => {
    it('returns the same case for a repeated request and refuses the key for a different one', async () => {
      const key = `same-key-${Date.now()}`;
      const first = await coordinator().post('/cases').set('Idempotency-Key', key).send(aRequest).expect(201);
      const again = await coordinator().post('/cases').set('Idempotency-Key', key).send(aRequest).expect(200);

      expect(again.body).toEqual({ ...first.body, replayed: true });
      await coordinator().post('/cases').set('Idempotency-Key', key).send({ ...aRequest, municipalityCode: 'GM0080' }).expect(422);
    });
  });

  describe('with bad input', () => {
    it.each([
      ['an unknown category', { ...aRequest, category: 'PARTY' }, 'category'],
      ['an extra field', { ...aRequest, secret: 1 }, 'secret'],
      ['a missing description', { ...aRequest, description: undefined }, 'description'],
      ['an invalid event date', { ...aRequest, eventDate: '2027-02-31' }, 'eventDate'],
      ['a wrongly typed indicator', { ...aRequest, indicators: { threatsReceived: 'yes' } }, 'indicators.threatsReceived'],
      ['an unknown safety region', { ...aRequest, safetyRegion: 'atlantis' }, 'safetyRegion'],
    ])('answers 400 naming the field for %s, and starts no workflow', async (_name, body, field) => {
      // The key fixes the case id the request would be given, so the workflow it would start can be looked for: Temporal
      // knows a workflow once its start returns, so there is nothing to wait for.
      const key = `refused-${randomUUID()}`;

      const response = await coordinator().post('/cases').set('Idempotency-Key', key).send(body).expect(400);

      expect(response.body.fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(await workflowExists(`case-${caseIdForIdempotencyKey(key)}`)).toBe(false);
    });

    it('answers 400 for malformed JSON and for an id that is not a UUID', async () => {
      await coordinator().post('/cases').set('Content-Type', 'application/json').send('{"category":').expect(400);
      await coordinator().get('/cases/not-a-uuid').expect(400);
    });

    it('answers 404 for a case that does not exist', async () => {
      await coordinator().get('/cases/6f1c2f0e-8a5b-4c3d-9e7f-0a1b2c3d4e5f').expect(404);
      await coordinator().post('/cases/6f1c2f0e-8a5b-4c3d-9e7f-0a1b2c3d4e5f/triage').send({ decision: 'accept' }).expect(404);
    });

    it('answers 400 for a rejection without a reason, and 400 for a bad Idempotency-Key', async () => {
      const { body } = await coordinator().post('/cases').send(aRequest).expect(201);
      const refused = await coordinator().post(`/cases/${body.caseId}/triage`).send({ decision: 'reject' }).expect(400);
      expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
      await coordinator().post('/cases').set('Idempotency-Key', 'x').send(aRequest).expect(400);
    });
  });

  describe('after a restart on the same data folder', () => {
    it('keeps closed and open cases, and the open one carries on', async () => {
      const open = (await coordinator().post('/cases').send(aRequest).expect(201)).body.caseId as string;
      await coordinator().post(`/cases/${open}/triage`).send({ decision: 'accept' }).expect(200);

      expect(await brigade.stop()).toBe(0);
      // With PostgreSQL and Temporal stopped, the bundle exported earlier still verifies, from the file and the payload
      // key in the data folder (its histories are encrypted, as Temporal stored them).
      expect(exportedBundle).toBeDefined();
      const offline = await promisify(execFile)(process.execPath, [path.resolve('dist/src/cli.js'), 'audit', 'verify', exportedBundle!], {
        env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none', TEMPORAL_ADDRESS: '127.0.0.1:9', BRIGADE_DATA_DIR: dataDir },
      });
      expect(offline.stdout).toContain('VERIFIED: every check passed');
      brigade = await startBrigadeProcess(env);

      await coordinator().get(`/cases/${open}`).expect(200).expect((res) => expect(res.body.live).toMatchObject({ stage: 'Matching' }));
      await coordinator().post(`/cases/${open}/cancel`).send({ reason: 'verzoek ingetrokken' }).expect(200);
      await auditor().get(`/cases/${open}/verify`).expect(200).expect((res) => expect(res.body).toMatchObject({ valid: true }));
    }, 120_000);
  });
});
