import type { AppendRequest, AppendResult, ChainVerification, EventStore, StoredCaseEvent } from '../event-store/event-store.port';
import type { EventAppendMetrics } from './event-append.metrics';

/** An event store that times each append and counts what it wrote, leaving the store it wraps untouched. */
export class MeasuredEventStore implements EventStore {
  constructor(private readonly store: EventStore, private readonly metrics: EventAppendMetrics) {}

  async append(request: AppendRequest): Promise<AppendResult> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    let result: AppendResult;
    try {
      result = await this.store.append(request);
    } catch (error) {
      this.metrics.record(request, seconds(), undefined);
      throw error;
    }
    this.metrics.record(request, seconds(), result);
    return result;
  }

  readStream(caseId: string, toVersion?: number): Promise<StoredCaseEvent[]> {
    return this.store.readStream(caseId, toVersion);
  }

  verify(caseId: string): Promise<ChainVerification> {
    return this.store.verify(caseId);
  }
}
