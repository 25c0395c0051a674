import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadLogSigningKey, logSigningKeyPath, type LogSigningKey } from '../../../src/transparency-log/log-signing-key';

const publicDer = (key: LogSigningKey) => key.publicKey.export({ type: 'spki', format: 'der' });

describe('the log signing key', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brigade-log-key-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('is generated on first use into a file only its owner can read, in a folder only its owner can enter', () => {
    const sut = loadLogSigningKey({ dataDir });
    const file = logSigningKeyPath(dataDir);

    expect(sut).toMatchObject({ source: file, privateKey: { asymmetricKeyType: 'ed25519' }, publicKey: { asymmetricKeyType: 'ed25519' } });
    expect(file).toBe(path.join(dataDir, 'keys', 'log-signing-key.pem'));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['log-signing-key.pem']);
  });

  it('is the same key on the next load', () => {
    const first = loadLogSigningKey({ dataDir });

    expect(publicDer(loadLogSigningKey({ dataDir }))).toEqual(publicDer(first));
  });

  it('keeps a key file that is already there', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    fs.mkdirSync(path.join(dataDir, 'keys'), { mode: 0o700 });
    fs.writeFileSync(logSigningKeyPath(dataDir), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });

    expect(publicDer(loadLogSigningKey({ dataDir }))).toEqual(publicKey.export({ type: 'spki', format: 'der' }));
  });

  it('uses a configured PEM key and writes no file', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');

    const sut = loadLogSigningKey({ pem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, dataDir });

    expect(sut.source).toBe('the configured log signing key');
    expect(publicDer(sut)).toEqual(publicKey.export({ type: 'spki', format: 'der' }));
    expect(fs.existsSync(logSigningKeyPath(dataDir))).toBe(false);
  });

  it('refuses a configured RSA key, naming its type', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

    expect(() => loadLogSigningKey({ pem, dataDir })).toThrow('the configured log signing key is not an Ed25519 key (its type is rsa)');
  });

  it('refuses configured text that is not a PEM private key', () => {
    expect(() => loadLogSigningKey({ pem: 'not a key', dataDir })).toThrow(/^the configured log signing key is not an unencrypted PEM private key/);
  });

  it('names the key file when it holds no usable key', () => {
    fs.mkdirSync(path.join(dataDir, 'keys'), { mode: 0o700 });
    fs.writeFileSync(logSigningKeyPath(dataDir), 'garbage', { mode: 0o600 });

    expect(() => loadLogSigningKey({ dataDir })).toThrow(`${logSigningKeyPath(dataDir)} is not an unencrypted PEM private key`);
  });
});
