import * as path from 'node:path';

/** The folder the browser tests write their screenshots and accessibility summary to (ignored by git). */
export const BROWSER_OUTPUT_DIR = path.resolve(__dirname, '..', '..', '.test-output', 'browser');
