import { mkdtemp, readFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { startBrigadeProcess, type BrigadeProcess } from '../support/brigade-process';
import { freePort } from '../support/free-port';

const aRequest = {
  category: 'THREAT_TO_OFFICIAL',
  municipality: 'Súdwest-Fryslân',
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
  let pgPort: number;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'brigade-e2e-'));
    const [httpPort, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort()];
    pgPort = await freePort();
    env = {
      NO_COLOR: '1', BRIGADE_DATA_DIR: dataDir, PORT: String(httpPort), BRIGADE_EMBEDDED_POSTGRES_PORT: String(pgPort),
      BRIGADE_TEMPORAL_DEV_PORT: String(temporalPort), BRIGADE_TEMPORAL_UI_PORT: String(uiPort),
    };
    brigade = await startBrigadeProcess(env);
    api = request(`http://127.0.0.1:${httpPort}`);
  }, 120_000);

  afterAll(async () => {
    expect(await brigade?.stop()).toBe(0);
  }, 60_000);

  async function eventsMentioning(marker: string): Promise<number> {
    const password = (await readFile(path.join(dataDir, 'postgres.secret'), 'utf8')).trim();
    const client = new Client({ host: '127.0.0.1', port: pgPort, user: 'postgres', password, database: 'brigade' });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM case_events WHERE data::text LIKE $1', [`%${marker}%`]);
      return Number(rows[0].count);
    } finally {
      await client.end();
    }
  }

  it('reports PostgreSQL and Temporal healthy', async () => {
    await api.get('/health').expect(200, { status: 'ok', database: 'up', temporal: 'up' });
  });

  it('drives one case from request to verified closure', async () => {
    const registered = await api.post('/cases').set('Idempotency-Key', `e2e-${Date.now()}`).send(aRequest).expect(201);
    const { caseId } = registered.body as { caseId: string };
    expect(registered.headers.location).toBe(`/cases/${caseId}`);

    const accepted = await api.post(`/cases/${caseId}/triage`).send({ decision: 'accept' }).expect(200);
    expect(accepted.body).toMatchObject({ stage: 'Accepted', riskLevel: 'HIGH', municipality: 'Súdwest-Fryslân' });
    await api.post(`/cases/${caseId}/close`).send({ summary: 'Veiligheidsplan staat' }).expect(200);

    const events = await api.get(`/cases/${caseId}/events`).expect(200);
    expect(events.body.map((e: { type: string }) => e.type)).toEqual(['RequestReceived', 'IntakeAssessed', 'RequestAccepted', 'CaseClosed']);
    expect(events.body.map((e: { version: number }) => e.version)).toEqual([1, 2, 3, 4]);
    await api.get(`/cases/${caseId}/verify`).expect(200).expect((res) => expect(res.body).toMatchObject({ valid: true, eventCount: 4 }));
    const view = await api.get(`/cases/${caseId}`).expect(200);
    expect(view.body.recorded).toMatchObject({ stage: 'Closed', version: 4 });
    await api.post(`/cases/${caseId}/triage`).send({ decision: 'accept' }).expect(409);
  });

  describe('with an Idempotency-Key', () => {
    it('returns the same case for a repeated request and refuses the key for a different one', async () => {
      const key = `same-key-${Date.now()}`;
      const first = await api.post('/cases').set('Idempotency-Key', key).send(aRequest).expect(201);
      const again = await api.post('/cases').set('Idempotency-Key', key).send(aRequest).expect(200);

      expect(again.body).toEqual({ ...first.body, replayed: true });
      await api.post('/cases').set('Idempotency-Key', key).send({ ...aRequest, municipality: 'Leeuwarden' }).expect(422);
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
    ])('answers 400 naming the field for %s, and records nothing', async (_name, body, field) => {
      const marker = `marker-${Math.random().toString(36).slice(2)}`;

      const response = await api.post('/cases').send({ ...body, description: body.description && `${body.description} ${marker}` }).expect(400);

      expect(response.body.fields.map((f: { field: string }) => f.field)).toContain(field);
      // Give a wrongly started workflow time to record its first event, so that "nothing" is a real observation.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await eventsMentioning(marker)).toBe(0);
    });

    it('answers 400 for malformed JSON and for an id that is not a UUID', async () => {
      await api.post('/cases').set('Content-Type', 'application/json').send('{"category":').expect(400);
      await api.get('/cases/not-a-uuid').expect(400);
    });

    it('answers 404 for a case that does not exist', async () => {
      await api.get('/cases/6f1c2f0e-8a5b-4c3d-9e7f-0a1b2c3d4e5f').expect(404);
      await api.post('/cases/6f1c2f0e-8a5b-4c3d-9e7f-0a1b2c3d4e5f/triage').send({ decision: 'accept' }).expect(404);
    });

    it('answers 400 for a rejection without a reason, and 400 for a bad Idempotency-Key', async () => {
      const { body } = await api.post('/cases').send(aRequest).expect(201);
      const refused = await api.post(`/cases/${body.caseId}/triage`).send({ decision: 'reject' }).expect(400);
      expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
      await api.post('/cases').set('Idempotency-Key', 'x').send(aRequest).expect(400);
    });
  });

  describe('after a restart on the same data folder', () => {
    it('keeps closed and open cases, and the open one carries on', async () => {
      const open = (await api.post('/cases').send(aRequest).expect(201)).body.caseId as string;
      await api.post(`/cases/${open}/triage`).send({ decision: 'accept' }).expect(200);

      expect(await brigade.stop()).toBe(0);
      brigade = await startBrigadeProcess(env);

      await api.get(`/cases/${open}`).expect(200).expect((res) => expect(res.body.live).toMatchObject({ stage: 'Accepted' }));
      await api.post(`/cases/${open}/close`).send({}).expect(200);
      await api.get(`/cases/${open}/verify`).expect(200).expect((res) => expect(res.body).toMatchObject({ valid: true, eventCount: 4 }));
    }, 120_000);
  });
});
