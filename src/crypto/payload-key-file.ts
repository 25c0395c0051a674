import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPrivateFileOnce } from './private-key-file';
import { isPayloadKeyId, type PayloadKey, type PayloadKeysConfig } from '../config/brigade-config';

/** The file in the data folder that keeps the embedded default's generated payload key. */
export function payloadKeyFilePath(dataDir: string): string {
  return path.join(dataDir, 'keys', 'payload-keys.json');
}

/** The keys in the data folder's key file, generating one on first use so that a fresh machine just works. */
export function readOrCreatePayloadKeyFile(dataDir: string): PayloadKeysConfig {
  const file = payloadKeyFilePath(dataDir);
  if (!fs.existsSync(file)) createKeyFile(file);
  return readPayloadKeyFile(file)!;
}

/** The keys in a key file, or undefined when there is none; a file that is not a key file is an error naming it. */
export function readPayloadKeyFile(file: string): PayloadKeysConfig | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const broken = (why: string) => new Error(`the payload key file ${file} ${why}; restore it from a backup (deleting it loses every payload it encrypted)`);
  let parsed: { activeKeyId?: unknown; keys?: unknown };
  try {
    parsed = JSON.parse(text);
  } catch {
    throw broken('is not JSON');
  }
  if (typeof parsed?.keys !== 'object' || parsed.keys === null) throw broken('has no "keys" object');
  const keys: PayloadKey[] = Object.entries(parsed.keys).map(([id, encoded]) => {
    const key = typeof encoded === 'string' ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
    if (!isPayloadKeyId(id) || key.length !== 32) throw broken(`holds key "${id}", which is not a 32-byte base64 key with a valid id`);
    return { id, key };
  });
  const { activeKeyId } = parsed;
  if (typeof activeKeyId !== 'string' || !keys.some(({ id }) => id === activeKeyId)) throw broken('names no active key among its keys');
  return { activeKeyId, keys };
}

function createKeyFile(file: string): void {
  // A random id, so that payloads from two data folders that each generated a key are told apart by name.
  const id = `local-${randomBytes(4).toString('hex')}`;
  createPrivateFileOnce(file, `${JSON.stringify({ activeKeyId: id, keys: { [id]: randomBytes(32).toString('base64') } }, null, 2)}\n`);
}
