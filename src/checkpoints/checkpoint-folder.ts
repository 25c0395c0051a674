import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { StoredCheckpoint } from './stored-checkpoint';

/**
 * Writes a checkpoint's signed note to a folder an operator ships elsewhere: `checkpoint-<size>` for each, and `latest`,
 * replaced by a rename so that a reader never sees half a file.
 */
export async function writeWitnessCopy(folder: string, checkpoint: StoredCheckpoint): Promise<void> {
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `checkpoint-${checkpoint.treeSize}`);
  // A kept copy is never replaced: a second note of the same size is a fork, and the first one is the evidence.
  try {
    await writeFile(file, checkpoint.signedNote, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (await readFile(file, 'utf8') !== checkpoint.signedNote) throw new Error(`${file} already holds another checkpoint of size ${checkpoint.treeSize}: the log was forked`);
  }
  const staging = path.join(folder, `.latest-${process.pid}`);
  await writeFile(staging, checkpoint.signedNote);
  await rename(staging, path.join(folder, 'latest'));
}
