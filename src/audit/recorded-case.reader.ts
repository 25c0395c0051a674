import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { EVENT_STORE, type ChainVerification, type EventStore, type StoredCaseEvent } from '../event-store/event-store.port';
import type { RecordedProjection } from './projection-check';
import { refusal } from '../http/refusal';
import { CASE_READ_MODEL, type CaseReadModel } from '../read-model/case-read-model.port';

/** What Brigade's database holds about a case: its events, their chain as the store verifies it, and the read model's row. */
export interface RecordedCase {
  readonly events: readonly StoredCaseEvent[];
  readonly chain: ChainVerification;
  readonly projection: RecordedProjection | null;
}

const ATTEMPTS = 3;

/** Reads a case's record as one snapshot, so that an append landing mid-read is not mistaken for a broken record. */
@Injectable()
export class RecordedCaseReader {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore, @Inject(CASE_READ_MODEL) private readonly readModel: CaseReadModel) {}

  async read(caseId: string): Promise<RecordedCase> {
    for (let attempt = 1; ; attempt++) {
      const before = await this.projection(caseId);
      const events = await this.eventStore.readStream(caseId);
      const chain = await this.eventStore.verify(caseId);
      const after = await this.projection(caseId);
      if (!before && !after && events.length === 0) throw new NotFoundException(refusal('case_not_found', { caseId }));
      // Each append moves the events and the row together, so an unchanged row means nothing was appended in between.
      const settled = before?.version === after?.version && chain.eventCount === events.length;
      if (settled || attempt === ATTEMPTS) return { events, chain, projection: after };
    }
  }

  private async projection(caseId: string): Promise<RecordedProjection | null> {
    const row = await this.readModel.find(caseId);
    return row && { version: row.version, lastHash: row.lastHash, state: row.state };
  }
}
