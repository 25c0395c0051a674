import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseCheckpoint } from '../transparency-log/checkpoint';
import { parseVerifierKey } from '../transparency-log/note-keys';
import { openSignedNote } from '../transparency-log/signed-note';

/** The newest checkpoint kept outside the database, as the witness folder's `latest` file holds it. */
export interface WitnessedCheckpoint {
  readonly treeSize: number;
  readonly rootHash: string;
  readonly signedNote: string;
}

/**
 * Reads the witness folder's newest checkpoint, checked against the log's key; null when no folder is configured or
 * nothing was written yet. The copy outside the database is what a fresh process trusts over the database's own list,
 * which whoever holds the database can shorten.
 */
export async function readWitnessedCheckpoint(folder: string | undefined, verifierKey: string): Promise<WitnessedCheckpoint | null> {
  if (!folder) return null;
  let note: string;
  try {
    note = await readFile(path.join(folder, 'latest'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const opened = openSignedNote(note, [parseVerifierKey(verifierKey)]);
  if (opened.verifiedBy.length === 0) throw new Error(`the witness folder's latest checkpoint (${folder}) is not signed by the log's key`);
  const { treeSize, rootHash } = parseCheckpoint(opened.text);
  return { treeSize, rootHash: rootHash.toString('hex'), signedNote: note };
}
