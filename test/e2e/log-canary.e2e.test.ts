import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CaseState } from '../../src/domain/case.state';
import { startBrigadeProcess, type BrigadeProcess } from '../support/brigade-process';
import { cliToken } from '../support/cli-token';
import { withBearer } from '../support/with-bearer';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';

/** How often a text occurs in another. */
const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/**
 * The logs half of the canary: a case whose office holder and description carry a unique marker runs through
 * the built app at debug level, with every free text and a few refused requests carrying the marker too; afterwards
 * the process's whole output (stdout and stderr, Temporal's worker included) must not hold it once.
 */
describe('the log canary', () => {
  const marker = `canary-${randomUUID()}`;
  let brigade: BrigadeProcess | undefined;
  let env: Record<string, string>;
  let baseUrl: string;

  beforeAll(async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'brigade-log-canary-'));
    const [httpPort, pgPort, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    env = {
      NO_COLOR: '1', BRIGADE_DATA_DIR: dataDir, PORT: String(httpPort), BRIGADE_EMBEDDED_POSTGRES_PORT: String(pgPort),
      BRIGADE_TEMPORAL_DEV_PORT: String(temporalPort), BRIGADE_TEMPORAL_UI_PORT: String(uiPort),
      // Everything that could be logged is.
      BRIGADE_LOG_LEVEL: 'debug',
    };
    brigade = await startBrigadeProcess(env);
    baseUrl = `http://127.0.0.1:${httpPort}`;
  }, 120_000);

  afterAll(async () => {
    if (brigade?.child.exitCode === null) await brigade.stop();
  }, 60_000);

  const as = (token: string) => withBearer(baseUrl, `Bearer ${token}`);

  it('finds the marker nowhere in the output of a case that carries it everywhere', async () => {
    const coordinator = as(await cliToken(env, 'coordinator', 'c.jansen'));
    await coordinator.post('/experts').send({
      name: 'Anouk de Vries', email: `canary-${Date.now()}@brigade.test`, categories: ['CITIZEN_MEETING'],
      skills: ['mediation', 'communication', 'security'], homeMunicipalityCode: 'GM0307', safetyRegion: 'utrecht', capacity: 3,
    }).expect(201);
    const registration = {
      category: 'CITIZEN_MEETING', municipalityCode: 'GM0321', requesterRole: 'mayor',
      description: `Inspraakavond; de wethouder ontving dreigberichten ${marker}`,
      officeHolder: { name: `J. de Boer ${marker}`, office: `wethouder wonen ${marker}`, details: `twee jonge kinderen ${marker}` },
      eventDate: new Date(Date.now() + 14 * 86_400_000).toISOString(), indicators: {},
    };
    const idempotencyKey = `canary-key-${randomUUID()}`;
    const { caseId } = (await coordinator.post('/cases').set('Idempotency-Key', idempotencyKey).send(registration).expect(201)).body as { caseId: string };
    const live = async () => (await coordinator.get(`/cases/${caseId}`).expect(200)).body.live as CaseState | null;

    await coordinator.post(`/cases/${caseId}/triage`).send({ decision: 'accept', reason: `de burgemeester belde ${marker}` }).expect(200);
    const offer = await eventually(async () => (await live())?.openOffers[0], 'an offer');
    const expert = as(await cliToken(env, 'expert', offer.expertId));
    await expert.get(`/cases/${caseId}`).expect(200);
    await expert.post(`/cases/${caseId}/offers/${offer.offerId}/accept`).send({}).expect(200);
    await eventually(async () => ((await live())?.team.some((member) => member.expertId === offer.expertId) ? true : undefined), 'the expert on the team');
    await expert.post(`/cases/${caseId}/concerns`).send({ concern: `de zaal heeft één uitgang ${marker}` }).expect(202);
    // The concern escalates, and the notifier logs the alert from the worker.
    await eventually(async () => (occurrences(brigade!.output(), `ESCALATION case=${caseId}`) > 0 ? true : undefined), 'the escalation alert in the log');

    // Refused requests that carry the marker: invalid input, malformed JSON, a reused key, a step the workflow refuses.
    await coordinator.post('/cases').send({ ...registration, category: 'PARTY' }).expect(400);
    await coordinator.post('/cases').set('Content-Type', 'application/json').send(`{"description":"${marker}`).expect(400);
    await coordinator.post('/cases').set('Idempotency-Key', idempotencyKey).send({ ...registration, municipalityCode: 'GM0344' }).expect(422);
    await coordinator.post(`/cases/${caseId}/evaluation`).send({ summary: `te vroeg ${marker}` }).expect(409);
    await coordinator.post(`/cases/${caseId}/cancel`).send({ reason: `verzoek ingetrokken ${marker}` }).expect(200);
    expect(await brigade!.stop()).toBe(0);

    const output = brigade!.output();
    const figures = {
      lines: output.split('\n').filter(Boolean).length, bytes: Buffer.byteLength(output),
      debugLines: occurrences(output, '"level":"debug"'), caseIdMentions: occurrences(output, caseId), markerOccurrences: occurrences(output, marker),
    };
    console.log(`log canary at BRIGADE_LOG_LEVEL=debug: ${figures.lines} lines, ${figures.bytes} bytes of stdout+stderr, `
      + `${figures.debugLines} debug lines, case id ${figures.caseIdMentions} times, marker ${figures.markerOccurrences} times`);
    // The output is really captured, at debug level, with the case's requests and the worker's alert in it.
    expect(figures.debugLines).toBeGreaterThan(0);
    expect(figures.caseIdMentions).toBeGreaterThan(5);
    expect(output).toContain('Brigade (all) started');
    expect(figures.markerOccurrences).toBe(0);
  }, 180_000);
});
