import { Logger } from '@nestjs/common';
import { STREAM_CONFLICT_ERRORS } from '../event-store/event-store.errors';
import type { AppendRequest, AppendResult, ChainVerification, EventStore, StoredCaseEvent } from '../event-store/event-store.port';
import type { EventAppendMetrics } from './event-append.metrics';

/**
 * An event store that times each append and counts what it wrote, leaving the store it wraps untouched; an append
 * refused because the case's stream and its workflow disagree raises the operator alert (an error line and a counter).
 */
export class MeasuredEventStore implements EventStore {
  private readonly logger = new Logger('EventStore');

  constructor(private readonly store: EventStore, private readonly metrics: EventAppendMetrics) {}

  async append(request: AppendRequest): Promise<AppendResult> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    let result: AppendResult;
    try {
      result = await this.store.append(request);
    } catch (error) {
      this.metrics.record(request, seconds(), undefined);
      if (error instanceof Error && STREAM_CONFLICT_ERRORS.includes(error.name)) this.alertStreamConflict(error);
      throw error;
    }
    this.metrics.record(request, seconds(), result);
    return result;
  }

  // Not retried and not the caller's fault: the case takes no more decisions until someone reconciles stream and workflow.
  private alertStreamConflict(error: Error): void {
    this.metrics.recordStreamConflict();
    this.logger.error(`event stream conflict, the case needs an operator: ${error.message}`);
  }

  readStream(caseId: string, toVersion?: number): Promise<StoredCaseEvent[]> {
    return this.store.readStream(caseId, toVersion);
  }

  verify(caseId: string): Promise<ChainVerification> {
    return this.store.verify(caseId);
  }
}
