import { Inject, Injectable } from '@nestjs/common';
import { invalidField } from '../http/validation';
import { DATA_KEY_STORE, type DataKeyStore } from '../key-store/data-key-store.port';
import { RETENTION_STORE, type DestructionEvent, type RetentionStore } from '../retention-store/retention-store.port';

/** One destruction in one case: under which list or request, rule or reason, approved by whom, and the keys' tombstones. */
export interface DestructionReportRow {
  readonly occurredAt: string;
  readonly caseId: string;
  readonly kind: 'retention' | 'erasure';
  /** The destruction list or erasure request. */
  readonly reference: string;
  /** The retention rule's id, or the erasure reason's code. */
  readonly basis: string;
  readonly approvedBy: readonly string[];
  readonly keys: ReadonlyArray<{ readonly keyId: string; readonly state: 'active' | 'destroyed' | 'unknown'; readonly destroyedAt: string | null }>;
}

/** Builds the proof of destruction from the events in the cases' chains and the key store's tombstones. */
@Injectable()
export class DestructionReportService {
  constructor(@Inject(RETENTION_STORE) private readonly store: RetentionStore, @Inject(DATA_KEY_STORE) private readonly keyStore: DataKeyStore) {}

  async report(from: string, to: string): Promise<DestructionReportRow[]> {
    if (Date.parse(from) >= Date.parse(to)) throw invalidField('to', Date.parse(from) === Date.parse(to) ? 'equals_start' : 'before_start', { start: from });
    const rows: DestructionReportRow[] = [];
    for (const event of await this.store.destructionEvents(new Date(from).toISOString(), new Date(to).toISOString())) {
      rows.push(await this.rowOf(event));
    }
    return rows;
  }

  private async rowOf({ caseId, type, data, occurredAt }: DestructionEvent): Promise<DestructionReportRow> {
    if (type === 'CaseDataDestroyed') {
      const keyIds = data.destroyedKeyIds as string[];
      return { occurredAt, caseId, kind: 'retention', reference: String(data.listId), basis: String(data.rule), approvedBy: data.approvedBy as string[], keys: await this.tombstones(keyIds) };
    }
    const request = await this.store.findErasureRequest(String(data.requestId));
    return {
      occurredAt, caseId, kind: 'erasure', reference: String(data.requestId), basis: String(data.reason),
      approvedBy: [String(data.requestedBy), String(data.approvedBy)], keys: await this.tombstones(request?.keyIds ?? []),
    };
  }

  private tombstones(keyIds: readonly string[]): Promise<DestructionReportRow['keys']> {
    return Promise.all(keyIds.map(async (keyId) => {
      const found = await this.keyStore.find(keyId);
      return { keyId, state: found.state, destroyedAt: found.state === 'destroyed' ? found.destroyedAt : null };
    }));
  }
}
