import { randomBytes } from 'node:crypto';
import { link, open, rm, unlink } from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Creates a private file (0600) unless it exists, and answers whether this call created it. The content is written
 * whole and flushed to a temporary file that is then linked into place: linking fails when the name is taken, so of
 * two processes creating the same file at once exactly one wins and the other reads the winner's, never a torn file.
 */
export async function createFileOnce(file: string, content: string): Promise<boolean> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temporary, file);
    await syncDirectory(path.dirname(file));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
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
