import { randomBytes } from 'node:crypto';
import { link, open, rm, unlink } from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Creates a private file (0600) unless it exists, and answers whether this call created it. The content is written
 * whole and flushed to a temporary file that is then linked into place: linking fails when the name is taken, so of
 * two processes creating the same file at once exactly one wins and the other reads the winner's, never a torn file.
 */
export async function createFileOnce(file: string, content: string): Promise<boolean> {
  const [staged] = await stageFiles([{ file, content }]);
  try {
    return await staged.place();
  } finally {
    await staged.discard();
  }
}

/** A private file written whole and flushed under a temporary name, to be linked into place later (or discarded). */
export interface StagedFile {
  /** Links the file into place unless its name is taken, and flushes the folder; answers whether this call created it. */
  place(): Promise<boolean>;
  /** Removes the temporary name; a placed file stays. */
  discard(): Promise<void>;
}

/**
 * Writes and flushes several files side by side under temporary names, so that their flushes overlap, for the caller
 * to link into place in the order it needs (`createFileOnce` for one). Should one fail, none stays staged.
 */
export async function stageFiles(files: ReadonlyArray<{ readonly file: string; readonly content: string }>): Promise<StagedFile[]> {
  const staged = await Promise.allSettled(files.map(({ file, content }) => stageFile(file, content)));
  const failed = staged.find((result) => result.status === 'rejected');
  if (failed === undefined) return staged.map((result) => (result as PromiseFulfilledResult<StagedFile>).value);
  await Promise.all(staged.map((result) => (result.status === 'fulfilled' ? result.value.discard() : undefined)));
  throw failed.reason;
}

async function stageFile(file: string, content: string): Promise<StagedFile> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const discard = () => rm(temporary, { force: true });
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await discard();
    throw error;
  }
  await handle.close();
  return {
    async place() {
      try {
        await link(temporary, file);
        await syncDirectory(path.dirname(file));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      }
    },
    discard,
  };
}

/**
 * Overwrites a file's bytes with zeros on disk, then removes it; answers false when there was no file. Zeroing first
 * means the bytes are gone from the blocks the file held, not only unlinked, on file systems that write in place.
 */
export async function shredFile(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    await handle.write(Buffer.alloc(size), 0, size, 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await unlink(file);
  await syncDirectory(path.dirname(file));
  return true;
}

/** Flushes a folder's entries, so that a created or removed name survives a crash of the machine. */
export async function syncDirectory(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
