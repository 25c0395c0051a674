import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DATA_KEY_STORE, type DataKeyStore } from '../key-store/data-key-store.port';

/** How many case ids are kept ready, or being made ready: enough for a burst of registrations at once. */
export const CASE_ID_RESERVE_SIZE = 16;

/**
 * Fresh case ids whose data keys are already made. A registration seals its request under the case's key before the
 * workflow starts, and making a key means flushing files to disk (or a call to Vault): taken from here, the key is
 * made before the request arrives instead of while it waits. Only a registration without an Idempotency-Key can use
 * one, since a key names its case id. An id never taken leaves behind a key that seals nothing.
 */
@Injectable()
export class CaseIdReserve {
  private readonly logger = new Logger('CaseIdReserve');
  private readonly ready: string[] = [];
  private readonly making = new Set<Promise<void>>();
  private failing = false;

  constructor(@Inject(DATA_KEY_STORE) private readonly keyStore: DataKeyStore) {}

  /** A case id never handed out before: one whose key is made when the reserve has one, else a new one. */
  take(): string {
    const caseId = this.ready.shift() ?? randomUUID();
    this.refill();
    return caseId;
  }

  /** Settles once no key is being made; for tests, which must not wait by the clock. */
  async settled(): Promise<void> {
    while (this.making.size > 0) await Promise.all(this.making);
  }

  private refill(): void {
    // While the key store refuses, one try at a time: every registration would otherwise send it a burst of them.
    const size = this.failing ? 1 : CASE_ID_RESERVE_SIZE;
    while (this.ready.length + this.making.size < size) {
      const caseId = randomUUID();
      const made: Promise<void> = this.keyStore.keyFor({ kind: 'case', caseId }).then(
        () => {
          this.failing = false;
          this.ready.push(caseId);
        },
        // Not offered, then: a registration makes its key on its way, as it does when the reserve is empty.
        (error: unknown) => {
          // Once per spell: the registrations themselves report the store's refusals.
          if (!this.failing) this.logger.warn(`could not make data keys ahead for new cases: ${String(error)}`);
          this.failing = true;
        },
      ).finally(() => this.making.delete(made));
      this.making.add(made);
    }
  }
}
