import { execFile } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ConfigError, loadBrigadeConfig } from '../../../src/config/brigade-config';
import { payloadKeyFilePath } from '../../../src/crypto/payload-key-file';
import { findPayloadKeys, loadPayloadKeys } from '../../../src/crypto/payload-keys';

// Loads the key file module in a fresh Node process (compiling TypeScript on the fly) and prints the active key id,
// after waiting for a moment shared by all such processes so that they race for real.
const RACER = `
  const fs = require('node:fs');
  const swc = require('@swc/core');
  require.extensions['.ts'] = (module, filename) => module._compile(swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' },
  }).code, filename);
  const { readOrCreatePayloadKeyFile } = require(process.argv[1]);
  while (Date.now() < Number(process.argv[3]));
  process.stdout.write(readOrCreatePayloadKeyFile(process.argv[2]).activeKeyId);
`;

async function keyIdFromAnotherProcess(dataDir: string, startAt: number): Promise<string> {
  const module = path.resolve(__dirname, '../../../src/crypto/payload-key-file.ts');
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', RACER, module, dataDir, String(startAt)], { cwd: path.resolve(__dirname, '../../..') });
  return stdout;
}

const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64');

describe('payload keys from configuration', () => {
  it('takes several keys and the active one', () => {
    const sut = loadBrigadeConfig({ BRIGADE_PAYLOAD_KEYS: `old:${KEY_A}, new:${KEY_B}`, BRIGADE_PAYLOAD_KEY_ID: 'new' }).payloadKeys;

    expect(sut?.activeKeyId).toBe('new');
    expect(sut?.keys.map(({ id, key }) => [id, key.toString('base64')])).toEqual([['old', KEY_A], ['new', KEY_B]]);
  });

  it('makes a single key the active one without BRIGADE_PAYLOAD_KEY_ID', () => {
    expect(loadBrigadeConfig({ BRIGADE_PAYLOAD_KEYS: `only:${KEY_A}` }).payloadKeys?.activeKeyId).toBe('only');
  });

  it.each([
    [{ BRIGADE_PAYLOAD_KEYS: 'no-colon' }, /BRIGADE_PAYLOAD_KEYS entries must be id:base64key/],
    [{ BRIGADE_PAYLOAD_KEYS: `bad id:${KEY_A}` }, /BRIGADE_PAYLOAD_KEYS entries must be id:base64key .*"bad id"/],
    [{ BRIGADE_PAYLOAD_KEYS: `short:${Buffer.alloc(16).toString('base64')}` }, /BRIGADE_PAYLOAD_KEYS key "short" must be 32 bytes/],
    [{ BRIGADE_PAYLOAD_KEYS: `mangled:${KEY_A.slice(0, -4)}!!!!` }, /BRIGADE_PAYLOAD_KEYS key "mangled" must be 32 bytes/],
    [{ BRIGADE_PAYLOAD_KEYS: `twice:${KEY_A},twice:${KEY_B}` }, /BRIGADE_PAYLOAD_KEYS names the key id "twice" twice/],
    [{ BRIGADE_PAYLOAD_KEYS: `a:${KEY_A},b:${KEY_B}` }, /BRIGADE_PAYLOAD_KEY_ID must name the key that encrypts/],
    [{ BRIGADE_PAYLOAD_KEYS: `a:${KEY_A}`, BRIGADE_PAYLOAD_KEY_ID: 'c' }, /BRIGADE_PAYLOAD_KEY_ID "c" is not one of the ids in BRIGADE_PAYLOAD_KEYS \(a\)/],
    [{ BRIGADE_PAYLOAD_KEY_ID: 'a' }, /BRIGADE_PAYLOAD_KEY_ID needs BRIGADE_PAYLOAD_KEYS/],
    [{ BRIGADE_CODEC_CORS_ORIGINS: 'http://localhost:8080/ui' }, /BRIGADE_CODEC_CORS_ORIGINS must list origins .*"http:\/\/localhost:8080\/ui"/],
    [{ BRIGADE_CODEC_CORS_ORIGINS: 'localhost:8080' }, /BRIGADE_CODEC_CORS_ORIGINS must list origins/],
  ])('refuses %j with an error that names the variable', (env, message) => {
    expect(() => loadBrigadeConfig(env)).toThrow(ConfigError);
    expect(() => loadBrigadeConfig(env)).toThrow(message);
  });

  it('lets the embedded Temporal UI call the codec endpoint by default, and takes other origins from the environment', () => {
    expect(loadBrigadeConfig({ BRIGADE_TEMPORAL_UI_PORT: '8300' }).codecCorsOrigins).toEqual(['http://127.0.0.1:8300', 'http://localhost:8300']);
    expect(loadBrigadeConfig({ BRIGADE_CODEC_CORS_ORIGINS: 'http://localhost:8080, https://temporal.example.org' }).codecCorsOrigins)
      .toEqual(['http://localhost:8080', 'https://temporal.example.org']);
  });
});

describe('payload keys in the data folder', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'brigade-keys-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('generates a key on first use, readable by its owner only, and keeps it', () => {
    const first = loadPayloadKeys(loadBrigadeConfig({ BRIGADE_DATA_DIR: dataDir }));
    const again = loadPayloadKeys(loadBrigadeConfig({ BRIGADE_DATA_DIR: dataDir }));

    expect(first.activeKeyId).toMatch(/^local-[0-9a-f]{8}$/);
    expect(first.keys[0].key).toHaveLength(32);
    expect(again).toEqual(first);
    expect(first.source).toBe(payloadKeyFilePath(dataDir));
    expect(statSync(payloadKeyFilePath(dataDir)).mode & 0o777).toBe(0o600);
  });

  it('prefers configured keys and then writes nothing', () => {
    const sut = loadPayloadKeys(loadBrigadeConfig({ BRIGADE_DATA_DIR: dataDir, BRIGADE_PAYLOAD_KEYS: `prod:${KEY_A}` }));

    expect(sut).toMatchObject({ activeKeyId: 'prod', source: 'BRIGADE_PAYLOAD_KEYS' });
    expect(() => statSync(payloadKeyFilePath(dataDir))).toThrow(/ENOENT/);
  });

  it('lets a reader find the kept key without ever generating one', async () => {
    const config = loadBrigadeConfig({ BRIGADE_DATA_DIR: dataDir });

    expect(findPayloadKeys(config)).toMatchObject({ activeKeyId: undefined, keys: [], source: expect.stringContaining('neither BRIGADE_PAYLOAD_KEYS nor') });
    expect(() => statSync(payloadKeyFilePath(dataDir))).toThrow(/ENOENT/);
    const generated = loadPayloadKeys(config);
    expect(findPayloadKeys(config)).toEqual(generated);
  });

  it('keeps one key when several processes start on a fresh data folder at the same moment', async () => {
    const startAt = Date.now() + 1_500;
    const ids = await Promise.all(Array.from({ length: 6 }, () => keyIdFromAnotherProcess(dataDir, startAt)));

    expect(new Set(ids).size).toBe(1);
    expect(JSON.parse(await readFile(payloadKeyFilePath(dataDir), 'utf8')).activeKeyId).toBe(ids[0]);
  });

  it('refuses a damaged key file, naming it, rather than replacing it', () => {
    const config = loadBrigadeConfig({ BRIGADE_DATA_DIR: dataDir });
    loadPayloadKeys(config);
    writeFileSync(payloadKeyFilePath(dataDir), '{"activeKeyId":"x","keys":{"x":"c2hvcnQ="}}');

    expect(() => loadPayloadKeys(config)).toThrow(new RegExp(`${payloadKeyFilePath(dataDir)} holds key "x", which is not a 32-byte`));
  });
});
