import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { StoredCaseEvent } from '../event-store/event-store.port';
import type { RecordedProjection } from './projection-check';
import { refusal } from '../http/refusal';
import { CASE_SNAPSHOTS, type CaseSnapshots } from './case-snapshots.port';

/** What Brigade's database holds about a case: its events and the read model's row. */
export interface RecordedCase {
  readonly events: readonly StoredCaseEvent[];
  readonly projection: RecordedProjection | null;
}

/** Reads a case's record as one snapshot, so that an append landing mid-read is not mistaken for a broken record; 404 for an unknown case. */
@Injectable()
export class RecordedCaseReader {
  constructor(@Inject(CASE_SNAPSHOTS) private readonly snapshots: CaseSnapshots) {}

  async read(caseId: string): Promise<RecordedCase> {
    const { events, projection } = await this.snapshots.read(caseId);
    if (!projection && events.length === 0) throw new NotFoundException(refusal('case_not_found', { caseId }));
    return { events, projection };
  }
}
