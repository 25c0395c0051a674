import { Client, Connection } from '@temporalio/client';
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { CaseState } from '../../src/domain/case.state';
import { payloadKeyFilePath } from '../../src/crypto/payload-key-file';
import { findTemporalCli } from '../../src/temporal/temporal-binaries';
import { startBrigadeProcess, type BrigadeProcess } from '../support/brigade-process';
import { cliToken } from '../support/cli-token';
import { withBearer } from '../support/with-bearer';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';

/** How often each of `needles` occurs in the bytes of every file under `folder` (all of it: database, -wal, -shm, logs). */
function scan(folder: string, needles: Readonly<Record<string, Buffer>>): { files: number; bytes: number; counts: Record<string, number> } {
  const counts = Object.fromEntries(Object.keys(needles).map((name) => [name, 0]));
  let files = 0;
  let bytes = 0;
  const visit = (entry: string): void => {
    const stat = statSync(entry);
    if (stat.isDirectory()) return readdirSync(entry).forEach((name) => visit(path.join(entry, name)));
    if (!stat.isFile()) return;
    const content = readFileSync(entry);
    files += 1;
    bytes += content.length;
    for (const [name, needle] of Object.entries(needles)) {
      for (let at = content.indexOf(needle); at >= 0; at = content.indexOf(needle, at + 1)) counts[name] += 1;
    }
  };
  visit(folder);
  return { files, bytes, counts };
}

/** The marker in every form a careless store might keep text in: UTF-8, UTF-16 and base64 at each of its three alignments. */
function formsOf(marker: string): Record<string, Buffer> {
  const base64 = [0, 1, 2].map((shift) => {
    // The base64 of the marker preceded by `shift` bytes, without the characters those bytes and the tail affect.
    const encoded = Buffer.concat([Buffer.alloc(shift, 0x20), Buffer.from(marker)]).toString('base64');
    return Buffer.from(encoded.slice(Math.ceil((shift * 4) / 3) + 1, -4));
  });
  return { utf8: Buffer.from(marker), utf16: Buffer.from(marker, 'utf16le'), base64a: base64[0], base64b: base64[1], base64c: base64[2] };
}

/** The data of every payload in a history as the Temporal CLI prints it in JSON (base64), as text, one per line. */
function payloadTexts(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const { metadata, data } = value as { metadata?: unknown; data?: unknown };
  const own = metadata && typeof data === 'string' ? `${Buffer.from(data, 'base64').toString('utf8')}\n` : '';
  return own + Object.values(value).map(payloadTexts).join('');
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, count) => total + count, 0);

describe('the canary: case details that must never reach Temporal in plaintext', () => {
  // One unique marker in the description, the office holder's name, office and details, and a task outcome.
  const marker = `canary${randomBytes(10).toString('hex')}`;
  // A control, sent to the same Temporal server without encryption: proves that a plaintext payload would be found.
  const control = `control${randomBytes(10).toString('hex')}`;
  let brigade: BrigadeProcess | undefined;
  let env: Record<string, string>;
  let dataDir: string;
  let baseUrl: string;
  let coordinatorToken: string;
  let caseId: string;
  /** The pool's one expert, who is signed in but no coordinator. */
  let expertId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'brigade-canary-'));
    const [httpPort, temporalPort, uiPort, pgPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    // The embedded default, with no payload keys configured: the app generates its key in the data folder.
    env = {
      NO_COLOR: '1', BRIGADE_DATA_DIR: dataDir, PORT: String(httpPort), BRIGADE_EMBEDDED_POSTGRES_PORT: String(pgPort),
      BRIGADE_TEMPORAL_DEV_PORT: String(temporalPort), BRIGADE_TEMPORAL_UI_PORT: String(uiPort),
    };
    brigade = await startBrigadeProcess(env);
    baseUrl = `http://127.0.0.1:${httpPort}`;
    coordinatorToken = await cliToken(env, 'coordinator', 'c.jansen');
  }, 120_000);

  afterAll(async () => {
    await brigade?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  const as = (token: string) => withBearer(baseUrl, `Bearer ${token}`);
  const coordinator = () => as(coordinatorToken);
  const temporalAddress = () => `127.0.0.1:${env.BRIGADE_TEMPORAL_DEV_PORT}`;

  async function until(predicate: (state: CaseState) => boolean, what: string): Promise<CaseState> {
    return eventually(async () => {
      const state = (await coordinator().get(`/cases/${caseId}`).expect(200)).body.live as CaseState;
      return predicate(state) ? state : undefined;
    }, what);
  }

  /** A Temporal client without Brigade's codec: it sees what Temporal stores. */
  async function withPlainClient<T>(body: (client: Client) => Promise<T>): Promise<T> {
    const connection = await Connection.connect({ address: temporalAddress() });
    try {
      return await body(new Client({ connection }));
    } finally {
      await connection.close();
    }
  }

  it('runs a case with the marker through intake, matching and preparation', async () => {
    expertId = (await coordinator().post('/experts').send({
      name: 'Anouk de Vries', email: `canary-${Date.now()}@brigade.test`, categories: ['CITIZEN_MEETING'],
      skills: ['mediation', 'communication', 'security'], homeMunicipalityCode: 'GM0307', safetyRegion: 'utrecht', capacity: 3,
    }).expect(201)).body.expertId;
    // Three weeks ahead: time for a preparatory session, so the case reaches its tasks without an escalation.
    const eventDate = new Date(Date.now() + 21 * 24 * 3_600_000).toISOString();
    caseId = (await coordinator().post('/cases').send({
      category: 'CITIZEN_MEETING', municipalityCode: 'GM0321', requesterRole: 'alderman',
      description: `Informatieavond; wethouder ${marker} ontvangt dreigberichten`, eventDate, indicators: { threatsReceived: true },
      officeHolder: { name: `J. ${marker}`, office: `wethouder ${marker}`, details: `Woont aan de ${marker}straat` },
    }).expect(201)).body.caseId;

    await coordinator().post(`/cases/${caseId}/triage`).send({ decision: 'accept' }).expect(200);
    const offered = await until((s) => s.openOffers.length === 1, 'an offer');
    const lead = as(await cliToken(env, 'expert', offered.openOffers[0].expertId));
    await lead.post(`/cases/${caseId}/offers/${offered.openOffers[0].offerId}/accept`).send({}).expect(200);
    const preparing = await until((s) => s.tasks.length > 0, 'the preparation tasks');
    const task = preparing.tasks.find((t) => t.assigneeId === offered.openOffers[0].expertId) ?? preparing.tasks[0];
    await as(await cliToken(env, 'expert', task.assigneeId!)).post(`/cases/${caseId}/tasks/${task.taskId}/complete`)
      .send({ outcome: `Gesprek met ${marker} gevoerd` }).expect(200);
    await until((s) => s.tasks.some((t) => t.taskId === task.taskId && t.status === 'completed'), 'the completed task');

    // The control payload, as a client without encryption would store it; nobody polls its task queue.
    await withPlainClient(async (client) => {
      const handle = await client.workflow.start('canaryControl', { workflowId: `canary-control-${randomUUID()}`, taskQueue: `canary-control-${randomUUID()}`, args: [{ control }] });
      await handle.terminate('control recorded');
    });
  }, 120_000);

  it('stores the case in Temporal encrypted, and the codec endpoint decodes it for a coordinator only', async () => {
    const [started] = await withPlainClient(async (client) => (await client.workflow.getHandle(`case-${caseId}`).fetchHistory()).events ?? []);
    const payload = started.workflowExecutionStartedEventAttributes!.input!.payloads![0];
    const json = {
      metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([name, value]) => [name, Buffer.from(value).toString('base64')])),
      data: Buffer.from(payload.data ?? []).toString('base64'),
    };
    expect(Buffer.from(payload.metadata!.encoding!).toString()).toBe('binary/encrypted');
    expect(Buffer.from(payload.data!).includes(marker)).toBe(false);

    const decoded = (await coordinator().post('/codec/decode').send({ payloads: [json] }).expect(200)).body.payloads[0];
    const text = Buffer.from(decoded.data, 'base64').toString('utf8');
    // An expert of the pool: the guard refuses a token naming anyone else with 401 before the role is weighed.
    const expert = as(await cliToken(env, 'expert', expertId));
    await expert.post('/codec/decode').send({ payloads: [json] }).expect(403);

    expect(Buffer.from(decoded.metadata.encoding, 'base64').toString()).toBe('json/plain');
    expect(text).toContain(`J. ${marker}`);
    expect(text).toContain(`wethouder ${marker} ontvangt dreigberichten`);
  });

  it("lets Temporal's own CLI show the history decoded through the codec endpoint, given a coordinator's token", async () => {
    const cli = findTemporalCli();
    const show = (...extra: string[]) => promisify(execFile)(cli, [
      'workflow', 'show', '--workflow-id', `case-${caseId}`, '--address', temporalAddress(), '--output', 'json', ...extra,
    ], { maxBuffer: 64 * 1024 * 1024 });

    const raw = payloadTexts(JSON.parse((await show()).stdout));
    const decoded = payloadTexts(JSON.parse((await show('--codec-endpoint', `http://127.0.0.1:${env.PORT}/codec`, '--codec-auth', `Bearer ${coordinatorToken}`)).stdout));

    expect(raw).not.toContain(marker);
    expect(decoded).toContain(`Gesprek met ${marker} gevoerd`);
  });

  it('points the embedded Temporal web UI at the codec endpoint', async () => {
    const settings = await (await fetch(`http://127.0.0.1:${env.BRIGADE_TEMPORAL_UI_PORT}/api/v1/settings`)).json() as { Codec?: { Endpoint?: string } };

    expect(settings.Codec?.Endpoint).toBe(`http://127.0.0.1:${env.PORT}/codec`);
  });

  it("leaves no trace of the marker in the Temporal server's files nor in PostgreSQL's data files and WAL, though the same scan finds plaintext there", async () => {
    const temporalFiles = path.join(dataDir, 'temporal');
    const postgresFiles = path.join(dataDir, 'postgres');
    const needles = { ...formsOf(marker), control: Buffer.from(control), caseId: Buffer.from(caseId) };
    // Once while the server runs, with its write-ahead log beside the database, and once after it stopped and checkpointed.
    const live = { ...scan(temporalFiles, needles), names: readdirSync(temporalFiles).sort() };
    expect(await brigade!.stop()).toBe(0);
    brigade = undefined;
    const stopped = { ...scan(temporalFiles, needles), names: readdirSync(temporalFiles).sort() };
    // Sensitive fields are sealed before they reach PostgreSQL (docs/encryption-at-rest.md): not in its tables, nor its WAL
    // (pg_wal), in any form; the case id, stored in plain, shows the scan would find text that is there.
    const inPostgres = scan(postgresFiles, { ...formsOf(marker), caseId: Buffer.from(caseId) });

    const markerCounts = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([name]) => name !== 'control' && name !== 'caseId'));
    const report = (when: string, found: typeof live) => [
      `  Temporal dev server files ${when} (${found.names.join(', ')}): ${found.files} files, ${found.bytes} bytes scanned`,
      `    marker occurrences ${JSON.stringify(markerCounts(found.counts))} (total ${sum(markerCounts(found.counts))}); `
        + `control payload sent without the codec: ${found.counts.control}; case id (in the workflow id): ${found.counts.caseId}`,
    ];
    console.log([
      `canary: marker ${marker} in the description, the office holder's name, office and details, and a task outcome`,
      ...report('while running', live),
      ...report('after stopping', stopped),
      `  PostgreSQL files (tables and pg_wal): ${inPostgres.files} files, ${inPostgres.bytes} bytes scanned, `
        + `marker occurrences ${JSON.stringify(markerCounts(inPostgres.counts))}; case id: ${inPostgres.counts.caseId}`,
    ].join('\n'));
    for (const found of [live, stopped]) {
      expect(found.names).toContain('temporal.sqlite');
      expect(markerCounts(found.counts)).toEqual({ utf8: 0, utf16: 0, base64a: 0, base64b: 0, base64c: 0 });
      expect(found.counts.control).toBeGreaterThan(0);
      expect(found.counts.caseId).toBeGreaterThan(0);
    }
    expect(readdirSync(postgresFiles, { recursive: true }).map(String)).toContain('pg_wal');
    expect(markerCounts(inPostgres.counts)).toEqual({ utf8: 0, utf16: 0, base64a: 0, base64b: 0, base64c: 0 });
    expect(inPostgres.counts.caseId).toBeGreaterThan(0);
    expect(statSync(payloadKeyFilePath(dataDir)).mode & 0o777).toBe(0o600);
  }, 60_000);
});
