import type { PayloadKey } from '../config/brigade-config';

/** The payload keys a process holds and where they came from; without an active key it can decrypt but not encrypt. */
export interface PayloadKeyring {
  readonly activeKeyId: string | undefined;
  readonly keys: readonly PayloadKey[];
  /** Where the keys came from, for messages: the environment variable, the key file, or nowhere. */
  readonly source: string;
}
