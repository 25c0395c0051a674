import { JwtService } from '@nestjs/jwt';
import { durationSeconds } from '../config/brigade-config';
import type { Principal } from './principal';
import { principalProblem } from './token-claims';
import { jwtOptionsFor, type TokenKeys } from './token-keys';

/** A signed token and when it stops being valid. */
export interface IssuedToken {
  readonly token: string;
  readonly expiresAt: string;
}

/** Signs a token for one principal with the configured keys; refuses a role, subject or lifetime the guard would refuse. */
export function issueToken(keys: TokenKeys, principal: Principal, ttl = keys.tokenTtl): IssuedToken {
  const problem = principalProblem(principal.role, principal.subject);
  if (problem) throw new Error(problem);
  if (durationSeconds(ttl) > keys.maxTokenTtlSeconds) throw new Error(tokenTtlTooLong(ttl, keys.maxTokenTtlSeconds));
  if (!keys.signKey) throw new Error(`cannot issue tokens: ${keys.source} verifies tokens only; set BRIGADE_JWT_PRIVATE_KEY to issue them`);
  const jwt = new JwtService(jwtOptionsFor(keys));
  const token = jwt.sign({ role: principal.role }, { subject: principal.subject, expiresIn: ttl as `${number}h` });
  const { exp } = jwt.decode<{ exp: number }>(token);
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

/** Why a lifetime cannot be issued: it is longer than BRIGADE_TOKEN_MAX_TTL allows. */
export function tokenTtlTooLong(ttl: string, maxSeconds: number): string {
  return `a token may live at most ${maxSeconds / 3600} h (BRIGADE_TOKEN_MAX_TTL), not ${ttl}`;
}
