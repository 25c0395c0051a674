import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '..', '..');
const KEPT_OUTPUT = 20_000;

/** How one run of the compiled bench ended, and where it was asked to write its results. */
export interface BenchRun {
  readonly exitCode: number | null;
  readonly outputDir: string;
  /** The last part of what the bench printed, for a failure message. */
  readonly output: string;
}

/**
 * Compiles the bench as `npm run bench` does, but into a scratch build folder inside the project (the compiled code
 * finds Brigade's package.json and node_modules by walking up), so a developer's `.bench-output` stays as it was.
 */
export async function compileBench(): Promise<string> {
  await mkdir(path.join(ROOT, '.test-output'), { recursive: true });
  const buildDir = path.join(await mkdtemp(path.join(ROOT, '.test-output', 'bench-')), 'build');
  const tsc = require.resolve('typescript/bin/tsc');
  await promisify(execFile)(process.execPath, [tsc, '-p', path.join(ROOT, 'scripts', 'bench', 'tsconfig.json'), '--outDir', buildDir], { cwd: ROOT, timeout: 600_000 })
    .catch((error: { stdout?: string; message: string }) => {
      throw new Error(`compiling the bench failed:\n${error.stdout ?? error.message}`);
    });
  return buildDir;
}

/** Runs the compiled bench with the given environment on top of this process's own, writing its results to a fresh temporary folder. */
export async function runBench(buildDir: string, env: Readonly<Record<string, string>>): Promise<BenchRun> {
  const outputDir = await mkdtemp(path.join(os.tmpdir(), 'brigade-bench-output-'));
  const child = spawn(process.execPath, [path.join(buildDir, 'scripts', 'bench', 'run-benchmarks.js')], {
    cwd: ROOT, env: { ...process.env, ...env, BENCH_OUTPUT_DIR: outputDir }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
  return { exitCode, outputDir, output };
}
