import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrigadeConfig } from '../config/brigade-config';

/**
 * The client secret Brigade and its local provider share: the configured one, or one generated on first use and kept in
 * the data folder, so that the screens' client survives restarts and the provider and relying party agree.
 */
export function localClientSecret(config: BrigadeConfig): string {
  if (config.oidc.clientSecret !== undefined) return config.oidc.clientSecret;
  const file = path.join(config.dataDir, 'oidc', 'client-secret');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx' fails when the file exists, so two processes on one data folder never overwrite each other's secret.
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fs.readFileSync(file, 'utf8').trim();
}
