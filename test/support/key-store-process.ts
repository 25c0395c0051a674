import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '..', '..');

// Compiles TypeScript on the fly in a fresh Node process, opens the folder key store on the data folder in argv[1],
// waits for a moment shared with other such processes (argv[2]) so that they race for real, then runs the body.
const PRELUDE = `
  const fs = require('node:fs');
  const swc = require('@swc/core');
  require.extensions['.ts'] = (module, filename) => module._compile(swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' },
  }).code, filename);
  const { FolderDataKeyStore } = require(${JSON.stringify(path.join(root, 'src/key-store/folder-data-key-store.ts'))});
  const [dataDir, startAt] = process.argv.slice(1);
  const store = FolderDataKeyStore.open(dataDir);
  while (Date.now() < Number(startAt));
`;

/** What a script printed, run in another process against the folder key store of `dataDir`; `body` sees `store`. */
export async function inKeyStoreProcess(dataDir: string, body: string, options: { startAt?: number; uid?: number } = {}): Promise<string> {
  const script = `${PRELUDE}\n(async () => { ${body} })().catch((error) => { process.stdout.write('error ' + error.name + ': ' + error.message); });`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, dataDir, String(options.startAt ?? 0)], {
    cwd: root, uid: options.uid, gid: options.uid,
  });
  return stdout;
}
