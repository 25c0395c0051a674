import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { JWK } from 'oidc-provider';
import type { BrigadeConfig } from '../config/brigade-config';

/** The folder under the data folder where the local provider keeps its client secret and keys. */
export function providerFolder(config: BrigadeConfig): string {
  return path.join(config.dataDir, 'oidc');
}

/**
 * The secret of the Brigade client at the embedded provider: the configured one, or else one generated on first use and
 * kept in `<dataDir>/oidc/client-secret`, so that the provider and the relying party (and every later run) agree.
 */
export function localClientSecret(config: BrigadeConfig): string {
  return config.oidc.clientSecret ?? keptOnce(config, 'client-secret', () => randomBytes(32).toString('base64url')).trim();
}

/** The provider's RS256 signing keys (private JWKs), generated once and kept in `<dataDir>/oidc/jwks.json`. */
export function providerSigningKeys(config: BrigadeConfig): { keys: JWK[] } {
  const text = keptOnce(config, 'jwks.json', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
    return `${JSON.stringify({ keys: [jwk] }, null, 2)}\n`;
  });
  return JSON.parse(text) as { keys: JWK[] };
}

/** The keys that sign the provider's cookies, generated once and kept in `<dataDir>/oidc/cookie-keys.json`. */
export function providerCookieKeys(config: BrigadeConfig): string[] {
  const text = keptOnce(config, 'cookie-keys.json', () => `${JSON.stringify([randomBytes(32).toString('base64url')])}\n`);
  return JSON.parse(text) as string[];
}

/**
 * The content of a file in the provider's folder, written by the first process that needs it (mode 0600). The content
 * goes to a file of its own first and is then linked into place, which fails when the file exists: two processes
 * starting at once neither overwrite each other nor read a half-written file.
 */
function keptOnce(config: BrigadeConfig, name: string, create: () => string): string {
  const folder = providerFolder(config);
  const file = path.join(folder, name);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const draft = path.join(folder, `.${name}.${process.pid}.${randomUUID()}`);
  writeFileSync(draft, create(), { flag: 'wx', mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  return readFileSync(file, 'utf8');
}
