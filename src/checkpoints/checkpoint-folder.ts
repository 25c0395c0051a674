import { mkdir, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { StoredCheckpoint } from './stored-checkpoint';

/**
 * Writes a checkpoint's signed note to a folder an operator ships elsewhere: `checkpoint-<size>` for each, and `latest`,
 * replaced by a rename so that a reader never sees half a file.
 */
export async function writeWitnessCopy(folder: string, checkpoint: StoredCheckpoint): Promise<void> {
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `checkpoint-${checkpoint.treeSize}`);
  const staging = path.join(folder, `.latest-${process.pid}`);
  await writeFile(file, checkpoint.signedNote, { flag: 'w' });
  await writeFile(staging, checkpoint.signedNote);
  await rename(staging, path.join(folder, 'latest'));
}
