import { isUUID } from 'class-validator';
import type { Principal } from './principal';
import { isUserRole, USER_ROLES } from '../domain/user-role';

/** What a subject may look like for coordinators and auditors: a login name, never free text. */
const LOGIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;

/** Why a role and subject cannot form a principal, or null when they can. */
export function principalProblem(role: unknown, subject: unknown): string | null {
  if (!isUserRole(role)) return `role must be one of ${USER_ROLES.join(', ')}, got ${JSON.stringify(role)}`;
  if (typeof subject !== 'string' || subject === '') return 'the subject (sub) is missing';
  if (role === 'expert' && !isUUID(subject, '4')) return `an expert's subject must be their expert id (a UUID), got "${subject}"`;
  if (role !== 'expert' && !LOGIN_NAME.test(subject)) {
    return `a ${role}'s subject must be a login name of letters, digits and . _ @ -, got "${subject}"`;
  }
  return null;
}

/** The principal a verified token payload names, or the reason it names none. */
export function principalFromClaims(payload: Record<string, unknown>): Principal | string {
  const problem = principalProblem(payload.role, payload.sub);
  if (problem) return problem;
  // An expert's subject is their id, a UUID: recorded in lower case, whatever case the token's issuer wrote it in.
  const subject = payload.role === 'expert' ? (payload.sub as string).toLowerCase() : (payload.sub as string);
  return { role: payload.role as Principal['role'], subject };
}
