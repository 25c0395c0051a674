import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { issueToken } from '../../src/auth/token-issuer';
import { jwtOptionsFor, loadTokenKeys, type TokenKeys } from '../../src/auth/token-keys';
import type { UserRole } from '../../src/domain/user-role';
import { loadBrigadeConfig } from '../../src/config/brigade-config';

/** The environment that gives an app under test a known token secret; merge it into the env the app's config is loaded from. */
export const TEST_TOKEN_ENV: Readonly<Record<string, string>> = { BRIGADE_JWT_SECRET: 'brigade-test-secret-that-is-long-enough-for-hs256' };

const keys: TokenKeys = loadTokenKeys(loadBrigadeConfig(TEST_TOKEN_ENV));

/** A valid bearer header for a role and subject, signed with the test secret. */
export function bearer(role: UserRole, subject: string): string {
  return `Bearer ${issueToken(keys, { role, subject }).token}`;
}

/** A bearer header whose token expired a minute ago. */
export function expiredBearer(role: UserRole, subject: string): string {
  const jwt = new JwtService(jwtOptionsFor(keys));
  const now = Math.floor(Date.now() / 1000);
  return `Bearer ${jwt.sign({ role, iat: now - 3600, exp: now - 60 }, { subject })}`;
}

/** A bearer header whose token is well formed but signed with another secret. */
export function forgedBearer(role: UserRole, subject: string): string {
  const forger: TokenKeys = { ...keys, verifyKey: randomBytes(48).toString('base64url'), signKey: undefined, source: 'forger' };
  const jwt = new JwtService(jwtOptionsFor({ ...forger, signKey: forger.verifyKey }));
  return `Bearer ${jwt.sign({ role }, { subject })}`;
}
