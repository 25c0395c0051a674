import { parseArgs } from 'node:util';
import { durationSeconds, isDuration } from '../config/brigade-config';
import { issueToken, tokenTtlTooLong } from '../auth/token-issuer';
import { loadTokenKeys } from '../auth/token-keys';
import { isUserRole, USER_ROLES } from '../domain/user-role';
import { UsageError, type Command } from './command';

/** `brigade token`: issues a bearer token for local use, signed with the same keys the API checks. */
export const tokenCommand: Command = {
  summary: 'print a bearer token for a role and subject (an expert\'s subject is their expert id)',
  usage: '--role coordinator|expert|auditor --sub <subject> [--ttl 8h]',
  async run(args, config, output) {
    const { role, sub, ttl } = parseTokenArgs(args);
    const max = config.tokenKeys.maxTokenTtlSeconds;
    if (ttl !== undefined && durationSeconds(ttl) > max) throw new UsageError(`--ttl: ${tokenTtlTooLong(ttl, max)}`);
    const issued = issueToken(loadTokenKeys(config), { role, subject: sub }, ttl);
    output.out(issued.token);
    output.err(`token for ${role} ${sub}, valid until ${issued.expiresAt}`);
    return 0;
  },
};

function parseTokenArgs(args: readonly string[]) {
  let values: { role?: string; sub?: string; ttl?: string };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { role: { type: 'string' }, sub: { type: 'string' }, ttl: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (!isUserRole(values.role)) throw new UsageError(`--role must be one of ${USER_ROLES.join(', ')}`);
  if (!values.sub) throw new UsageError('--sub is required: a login name, or for an expert their expert id');
  if (values.ttl !== undefined && !isDuration(values.ttl)) throw new UsageError(`--ttl must be a duration such as 30m, 8h or 7d, got "${values.ttl}"`);
  return { role: values.role, sub: values.sub, ttl: values.ttl };
}
