import * as path from 'node:path';
import type { AuditWorkerEntry } from '../../src/audit/audit-workers';

// Compiles TypeScript as the worker thread loads it, with the settings jest's own transform uses, then runs the entry.
const LAUNCHER = `
const { addHook } = require(${JSON.stringify(require.resolve('pirates'))});
const { transformSync } = require(${JSON.stringify(require.resolve('@swc/core'))});
const options = { jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022' }, module: { type: 'commonjs' } };
addHook((code, filename) => transformSync(code, { ...options, filename }).code, { exts: ['.ts'] });
require(require('node:worker_threads').workerData.typescriptEntry);
`;

/** The audit's worker code for a test: the TypeScript source, since jest runs no compiled `dist/`. */
export function typescriptAuditWorker(): AuditWorkerEntry {
  return { filename: LAUNCHER, eval: true, workerData: { typescriptEntry: path.resolve(__dirname, '../../src/audit/audit.worker.ts') } };
}
