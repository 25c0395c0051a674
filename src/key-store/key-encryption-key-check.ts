import * as fs from 'node:fs';
import * as path from 'node:path';
import { unwrapDataKey } from './data-key-wrapping';

// A few keys are enough to tell a wrong key-encryption key from one damaged key file.
const KEYS_TRIED = 3;

/**
 * Refuses to open a key folder whose data keys the key-encryption key at hand cannot unwrap: a lost `key-encryption-key`
 * file must be restored, not silently replaced by a new one under which every sealed field would stay unreadable and
 * new keys would be made beside the old. `kekFileMissing` says the data folder's file is about to be generated.
 */
export function assertKeyEncryptionKeyFits(folder: string, kekFile: string, kekFileMissing: boolean, keyEncryptionKey: () => Buffer): void {
  const keyFiles = fs.readdirSync(folder).filter((name) => name.endsWith('.key'));
  if (keyFiles.length === 0) return;
  if (kekFileMissing) {
    throw new Error(`the key-encryption key file ${kekFile} is missing, but ${folder} holds ${keyFiles.length} data keys wrapped by it: `
      + 'restore it from its backup (or set BRIGADE_KEY_ENCRYPTION_KEY); Brigade does not make a new one, under which every sealed field would stay unreadable');
  }
  const kek = keyEncryptionKey();
  const fits = keyFiles.slice(0, KEYS_TRIED).some((name) => {
    try {
      const record = JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')) as { keyId?: unknown; wrapped?: unknown };
      unwrapDataKey(kek, String(record.keyId), String(record.wrapped));
      return true;
    } catch {
      return false;
    }
  });
  if (!fits) {
    throw new Error(`the key-encryption key in use (${kekFile} or BRIGADE_KEY_ENCRYPTION_KEY) unwraps none of the data keys in ${folder}: `
      + 'it is not the key they were wrapped with; restore the right one');
  }
}
