import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { UserRole } from '../../src/domain/user-role';

const CLI = path.resolve(__dirname, '..', '..', 'dist', 'src', 'cli.js');

/** A token from the built `token` command, run as a user would, against the same data folder as the app under test. */
export async function cliToken(env: Record<string, string>, role: UserRole, subject: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'token', '--role', role, '--sub', subject], {
    env: { ...process.env, ...env },
  });
  return stdout.trim();
}
