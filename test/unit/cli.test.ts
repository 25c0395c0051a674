import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { jwtOptionsFor, loadTokenKeys } from '../../src/auth/token-keys';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { runCli, type CliOutput } from '../../src/cli';
import { TEST_TOKEN_ENV } from '../support/tokens';

describe('the command line', () => {
  function capture(): CliOutput & { lines: string[]; errors: string[] } {
    const lines: string[] = [];
    const errors: string[] = [];
    return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
  }

  it.each([
    ['an unknown command', ['frobnicate']],
    ['no command', []],
    ['a name inherited from Object', ['constructor']],
  ])('answers %s with the usage on stderr and exit code 2', async (_case, args) => {
    const output = capture();

    const sut = await runCli(args, {}, output);

    expect(sut).toBe(2);
    expect(output.lines).toEqual([]);
    expect(output.errors.join('\n')).toMatch(/^usage: node dist\/src\/cli\.js <command>[\s\S]*\n {2}seed\n[\s\S]*\n {2}token --role/);
  });

  it.each([
    ['a workflow id that is not a case\'s', ['workflow', 'reset-point', 'retention-review-2026-12-08']],
    ['control characters for the operator\'s terminal', ['workflow', 'reset-point', 'case-\u001b[2J\nfake']],
    ['no action', ['workflow']],
  ])('refuses %s for `workflow` with exit code 2 before reaching Temporal', async (_case, args) => {
    const output = capture();

    const sut = await runCli(args, { TEMPORAL_ADDRESS: '127.0.0.1:1' }, output);

    expect(sut).toBe(2);
    expect(output.lines).toEqual([]);
    expect(output.errors.join('\n')).toMatch(/^brigade workflow: /);
    expect(output.errors.join('\n')).not.toContain('\u001b');
  });

  it('refuses a bad environment with exit code 1 and the variable named', async () => {
    const output = capture();

    const sut = await runCli(['seed'], { DATABASE_URL: 'postgres://db/brigade', BRIGADE_EMBEDDED_POSTGRES_PORT: 'five' }, output);

    expect(sut).toBe(1);
    expect(output.errors.join('\n')).toContain('BRIGADE_EMBEDDED_POSTGRES_PORT');
  });

  it.each([
    ['seed with extra arguments', ['seed', '--force'], /seed takes no arguments/],
    ['a token without a role', ['token', '--sub', 'c.jansen'], /--role must be one of coordinator, expert, auditor/],
    ['a token for an unknown role', ['token', '--role', 'mayor', '--sub', 'c.jansen'], /--role must be one of/],
    ['a token without a subject', ['token', '--role', 'auditor'], /--sub is required/],
    ['a token with an unknown option', ['token', '--role', 'auditor', '--sub', 'a.visser', '--admin'], /Unknown option '--admin'/],
    ['a token with a bad lifetime', ['token', '--role', 'auditor', '--sub', 'a.visser', '--ttl', 'forever'], /--ttl must be a duration/],
    ['a token that outlives the maximum', ['token', '--role', 'auditor', '--sub', 'a.visser', '--ttl', '13h'], /--ttl: a token may live at most 12 h \(BRIGADE_TOKEN_MAX_TTL\), not 13h/],
  ])('answers %s with the problem, the command\'s usage and exit code 2', async (_case, args, problem) => {
    const output = capture();

    const sut = await runCli(args, { BRIGADE_JWT_SECRET: TEST_TOKEN_ENV.BRIGADE_JWT_SECRET }, output);

    expect(sut).toBe(2);
    expect(output.lines).toEqual([]);
    expect(output.errors.join('\n')).toMatch(problem);
    expect(output.errors.join('\n')).toContain(`usage: node dist/src/cli.js ${args[0]}`);
  });

  it('refuses an expert token whose subject is not an expert id, with exit code 1', async () => {
    const output = capture();

    const sut = await runCli(['token', '--role', 'expert', '--sub', 'anouk'], TEST_TOKEN_ENV, output);

    expect(sut).toBe(1);
    expect(output.errors.join('\n')).toContain("an expert's subject must be their expert id");
  });

  it('prints a token that the API\'s own JWT settings accept, with the role, subject and lifetime asked for', async () => {
    const output = capture();
    const expertId = randomUUID();

    const sut = await runCli(['token', '--role', 'expert', '--sub', expertId, '--ttl', '30m'], TEST_TOKEN_ENV, output);

    expect(sut).toBe(0);
    const jwt = new JwtService(jwtOptionsFor(loadTokenKeys(loadBrigadeConfig(TEST_TOKEN_ENV))));
    const claims = await jwt.verifyAsync<{ role: string; sub: string; iat: number; exp: number; iss: string; aud: string }>(output.lines[0]);
    expect(claims).toMatchObject({ role: 'expert', sub: expertId, iss: 'brigade', aud: 'brigade-api' });
    expect(claims.exp - claims.iat).toBe(30 * 60);
    expect(output.errors.join('\n')).toMatch(new RegExp(`token for expert ${expertId}, valid until \\d{4}-`));
  });

  it('keeps a generated secret in the data folder, so that tokens from the command work with the app started later', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brigade-token-'));
    try {
      const first = capture();
      const second = capture();

      await runCli(['token', '--role', 'coordinator', '--sub', 'c.jansen'], { BRIGADE_DATA_DIR: dataDir }, first);
      await runCli(['token', '--role', 'auditor', '--sub', 'a.visser'], { BRIGADE_DATA_DIR: dataDir }, second);

      const secretFile = path.join(dataDir, 'auth', 'jwt-secret');
      expect(fs.statSync(secretFile).mode & 0o777).toBe(0o600);
      const jwt = new JwtService(jwtOptionsFor(loadTokenKeys(loadBrigadeConfig({ BRIGADE_DATA_DIR: dataDir }))));
      await expect(jwt.verifyAsync(first.lines[0])).resolves.toMatchObject({ role: 'coordinator' });
      await expect(jwt.verifyAsync(second.lines[0])).resolves.toMatchObject({ role: 'auditor' });
      const stranger = new JwtService(jwtOptionsFor(loadTokenKeys(loadBrigadeConfig(TEST_TOKEN_ENV))));
      await expect(stranger.verifyAsync(first.lines[0])).rejects.toThrow('invalid signature');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
