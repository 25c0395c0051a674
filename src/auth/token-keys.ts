import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JwtModuleOptions } from '@nestjs/jwt';
import type { BrigadeConfig } from '../config/brigade-config';

/** Who signs Brigade's tokens and for whom; checked on every request. */
export const TOKEN_ISSUER = 'brigade';
export const TOKEN_AUDIENCE = 'brigade-api';

/** The keys that sign and check tokens, and where they came from. */
export interface TokenKeys {
  readonly algorithm: 'HS256' | 'RS256';
  /** The HS256 secret, or the RS256 public key. */
  readonly verifyKey: string;
  /** The HS256 secret, or the RS256 private key when this process may issue tokens. */
  readonly signKey: string | undefined;
  readonly tokenTtl: string;
  /** The longest lifetime a token may be issued with, in seconds. */
  readonly maxTokenTtlSeconds: number;
  /** Where the keys came from, for messages: an environment variable or the generated file. */
  readonly source: string;
}

/** The file in the data folder that keeps the embedded default's generated secret. */
export function generatedSecretPath(dataDir: string): string {
  return path.join(dataDir, 'auth', 'jwt-secret');
}

/** The configured keys, or the data folder's secret, generated on first use so that a fresh machine just works. */
export function loadTokenKeys(config: BrigadeConfig): TokenKeys {
  const { secret, publicKey, privateKey, tokenTtl, maxTokenTtlSeconds } = config.tokenKeys;
  const lifetimes = { tokenTtl, maxTokenTtlSeconds };
  if (publicKey) return { algorithm: 'RS256', verifyKey: publicKey, signKey: privateKey, ...lifetimes, source: 'BRIGADE_JWT_PUBLIC_KEY' };
  if (secret) return { algorithm: 'HS256', verifyKey: secret, signKey: secret, ...lifetimes, source: 'BRIGADE_JWT_SECRET' };
  const file = generatedSecretPath(config.dataDir);
  const kept = readOrCreateSecret(file);
  return { algorithm: 'HS256', verifyKey: kept, signKey: kept, ...lifetimes, source: file };
}

/** The `@nestjs/jwt` options for these keys: one algorithm, Brigade's issuer and audience, both when signing and checking. */
export function jwtOptionsFor(keys: TokenKeys): JwtModuleOptions {
  const claims = { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE };
  const keyOptions = keys.algorithm === 'HS256'
    ? { secret: keys.verifyKey }
    : { publicKey: keys.verifyKey, ...(keys.signKey && { privateKey: keys.signKey }) };
  return {
    ...keyOptions,
    signOptions: { algorithm: keys.algorithm, ...claims },
    // Pinning the algorithm stops a token from choosing its own (for example "none", or HS256 signed with the public key).
    verifyOptions: { algorithms: [keys.algorithm], ...claims },
  };
}

function readOrCreateSecret(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx' fails when the file exists, so the app and the token command never overwrite each other's secret.
    fs.writeFileSync(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`the token secret in ${file} is too short; delete the file to generate a new one`);
  return secret;
}
