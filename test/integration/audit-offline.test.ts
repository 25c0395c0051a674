import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AuditModule } from '../../src/audit/audit.module';
import type { AuditBundle } from '../../src/audit/audit-bundle';
import { runCli, type CliOutput } from '../../src/cli';
import { createApiApp } from '../support/api-app';
import { anExpertPool } from '../support/case-driver';
import { freePort } from '../support/free-port';
import { runFullIncidentCase } from '../support/full-case-run';
import { TEST_LOG_KEY_ENV } from '../support/log-keys';
import { TEST_PAYLOAD_KEY_ENV, TEST_PAYLOAD_KEY_ID } from '../support/payload-keys';
import { realTemporalClient } from '../support/real-temporal-client';
import { bearer } from '../support/tokens';
import { createWorkflowHarness } from '../support/workflow-harness';

/**
 * How many payloads of each encoding a value holds, leaving out search attributes (Temporal indexes them, so they stay
 * readable) and the details of patch markers.
 */
function payloadEncodings(value: unknown, counts = new Map<string, number>()): Map<string, number> {
  if (typeof value !== 'object' || value === null) return counts;
  const encoding = (value as { metadata?: { encoding?: string } }).metadata?.encoding;
  if (encoding) {
    const name = Buffer.from(encoding, 'base64').toString('utf8');
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  for (const [key, child] of Object.entries(value)) {
    if (key === 'searchAttributes') continue;
    // Temporal records a patched() marker's details itself, as json/plain: they hold only the patch id, no case data.
    if (key === 'details' && (value as { markerName?: string }).markerName === 'core_patch') continue;
    payloadEncodings(child, counts);
  }
  return counts;
}

function capture(): CliOutput & { lines: string[]; errors: string[]; text(): string } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line), text: () => [...lines, ...errors].join('\n') };
}

describe('verifying an exported case offline', () => {
  let folder: string;
  let exported: AuditBundle;
  /** The log's public key as the API serves it to auditors. */
  let publicKeyPem: string;
  /** Where Brigade would look for PostgreSQL and Temporal: a port nothing listens on, so any attempt would fail. */
  let unreachable: Record<string, string>;

  // The bundle comes from a real run through the API; then the database and Temporal are gone before any check.
  beforeAll(async () => {
    const harness = await createWorkflowHarness();
    await anExpertPool(harness, Array.from({ length: 6 }, () => ({ homeMunicipalityCode: 'GM0344' })));
    const app = await createApiApp(harness.db, { imports: [AuditModule, realTemporalClient(harness.env.client)] });
    try {
      const caseId = await runFullIncidentCase(harness);
      const auditor = bearer('auditor', 'a.devries');
      await app.api().post('/checkpoints').set('Authorization', auditor).expect(200);
      publicKeyPem = (await app.api().get('/checkpoints/public-key').set('Authorization', auditor).expect(200)).body.publicKeyPem;
      exported = (await app.api().get(`/cases/${caseId}/export`).set('Authorization', auditor).expect(200)).body;
    } finally {
      await app.close();
      await harness.close();
    }
    folder = await mkdtemp(path.join(tmpdir(), 'brigade-audit-'));
    const closed = await freePort();
    // The histories are encrypted with the payload key they were written with, which the verifier is given like the app was.
    // The log's key likewise, as an auditor holding the operator's key file would have it.
    unreachable = { DATABASE_URL: `postgres://brigade@127.0.0.1:${closed}/brigade`, TEMPORAL_ADDRESS: `127.0.0.1:${closed}`, ...TEST_PAYLOAD_KEY_ENV, ...TEST_LOG_KEY_ENV };
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  async function verify(bundle: unknown, name = `case-${exported.caseId}.audit.json`, env = unreachable, flags: string[] = []) {
    const file = path.join(folder, name);
    await writeFile(file, typeof bundle === 'string' ? bundle : JSON.stringify(bundle));
    const output = capture();
    const code = await runCli(['audit', 'verify', file, ...flags], env, output);
    return { code, output };
  }
  const copy = (): AuditBundle => JSON.parse(JSON.stringify(exported));

  it('passes the export as it was downloaded, with the database and Temporal out of reach', async () => {
    const { code, output } = await verify(exported);

    expect(output.text()).toContain('VERIFIED: every check passed');
    expect(code).toBe(0);
    expect(output.lines.join('\n')).toMatch(new RegExp(`replay +ok +case-${exported.caseId}-esc-1 passed`));
  });

  it('proves every event included in the signed checkpoint with the key the auditor was given, and not without a key', async () => {
    const keyFile = path.join(folder, 'log-key.pem');
    await writeFile(keyFile, publicKeyPem);
    const { BRIGADE_LOG_SIGNING_KEY: _configured, ...withoutConfiguredKey } = unreachable;
    const noKeyHere = { ...withoutConfiguredKey, BRIGADE_DATA_DIR: folder };

    const withKey = await verify(exported, undefined, noKeyHere, ['--key', keyFile]);
    const withoutKey = await verify(exported, undefined, noKeyHere);

    expect(withKey.code).toBe(0);
    expect(withKey.output.lines.join('\n')).toMatch(new RegExp(`log +ok +${exported.events.length} events included in checkpoint`));
    expect(withoutKey.code).toBe(1);
    expect(withoutKey.output.lines.join('\n')).toMatch(/log +UNAVAILABLE +no public key of the log is at hand/);
  });

  it('ends with NOT VERIFIED when a newer checkpoint of the same size has another root', async () => {
    const keyFile = path.join(folder, 'log-key.pem');
    await writeFile(keyFile, publicKeyPem);
    const forked = path.join(folder, 'forked-checkpoint');
    // A note the verifier's key did not sign: refused before any root is compared.
    await writeFile(forked, exported.log!.checkpoint!.replace(/\n([A-Za-z0-9+/=]{44})\n/, '\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n'));

    const { code, output } = await verify(exported, undefined, { ...unreachable, BRIGADE_DATA_DIR: folder }, ['--key', keyFile, '--checkpoint', forked]);

    expect(code).toBe(1);
    expect(output.lines.at(-1)).toMatch(/^NOT VERIFIED/);
    expect(output.lines.join('\n')).toMatch(/newer +FAILED/);
  });

  it('holds only encrypted payloads in the exported histories, as Temporal stored them, but for the search attributes and patch markers', () => {
    const encodings = payloadEncodings(exported.workflowHistories);

    expect(encodings.get('binary/encrypted')).toBeGreaterThan(10);
    expect([...encodings.keys()]).toEqual(['binary/encrypted']);
  });

  it('cannot replay without the payload key, and says which key to give and how', async () => {
    const { DATABASE_URL, TEMPORAL_ADDRESS } = unreachable;
    const keyless = { DATABASE_URL, TEMPORAL_ADDRESS, BRIGADE_DATA_DIR: path.join(folder, 'empty-data-folder') };

    const { code, output } = await verify(exported, undefined, keyless);

    expect(code).toBe(1);
    expect(output.lines.join('\n')).toMatch(new RegExp(`replay +UNAVAILABLE +case-${exported.caseId}: MissingPayloadKey: .*"${TEST_PAYLOAD_KEY_ID}".*BRIGADE_PAYLOAD_KEYS`));
    expect(output.text()).toContain('NOT VERIFIED');
  });

  it('fails an export whose event was altered, naming the version', async () => {
    const bundle = copy();
    const index = bundle.events.findIndex((event) => event.type === 'InterventionReported');
    (bundle.events[index].data as { outcome: string }).outcome = 'calm';

    const { code, output } = await verify(bundle);

    expect(code).toBe(1);
    expect(output.lines.join('\n')).toMatch(new RegExp(`hash chain +FAILED +version ${index + 1}: hash does not match the event content`));
    expect(output.text()).toContain('NOT VERIFIED');
  });

  it('fails an export whose history came from incompatible code, naming the divergence', async () => {
    const bundle = copy();
    const [caseHistory] = bundle.workflowHistories as Array<{ workflowId: string; history: { events: Array<Record<string, { activityType?: { name: string } }>> } }>;
    const scheduled = caseHistory.history.events.find((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'assessIntake');
    scheduled!.activityTaskScheduledEventAttributes.activityType!.name = 'assessIntakeV0';

    const { code, output } = await verify(bundle);

    expect(code).toBe(1);
    expect(output.lines.join('\n')).toMatch(new RegExp(`replay +FAILED +case-${exported.caseId}: DeterminismViolationError: .*assessIntake`));
  });

  it('does not trust the verdict recorded in the bundle', async () => {
    const bundle = copy();
    const withoutVersion2 = [bundle.events[0], ...bundle.events.slice(2)];

    const { code, output } = await verify({ ...bundle, events: withoutVersion2, verification: { ...bundle.verification, valid: true } });

    expect(code).toBe(1);
    expect(output.lines.join('\n')).toMatch(/hash chain +FAILED +version 2: version 2 is missing/);
  });

  it.each([
    ['a file that is not JSON', 'not json', /is not an audit bundle: it is not JSON/],
    ['JSON without the format marker', '{"caseId":"x"}', /is not an audit bundle: it has no "format": "brigade-case-audit" marker/],
  ])('answers %s with exit code 2', async (_case, content, message) => {
    const { code, output } = await verify(content, 'bad.json');

    expect(code).toBe(2);
    expect(output.errors.join('\n')).toMatch(message);
  });

  it('answers a file that does not exist with exit code 2', async () => {
    const output = capture();

    const code = await runCli(['audit', 'verify', path.join(folder, 'missing.json')], unreachable, output);

    expect(code).toBe(2);
    expect(output.errors.join('\n')).toMatch(/missing\.json cannot be read: ENOENT/);
  });
});
