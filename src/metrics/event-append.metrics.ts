import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import type { NewCaseEvent } from '../domain/case.events';
import type { AppendRequest, AppendResult } from '../event-store/event-store.port';

/** How an append ended: new events written, a retry recognised by its idempotency key, or an error. */
export type AppendOutcome = 'appended' | 'deduplicated' | 'failed';

/** The deadline a recorded event says was missed, if it says so. */
export type MissedDeadline = 'offer' | 'caseDeadline' | 'escalationAck';

// Batch sizes grouped, so the label stays a handful of values however many events an activity records at once.
const BATCH_SIZES: ReadonlyArray<readonly [number, string]> = [[1, '1'], [5, '2-5'], [20, '6-20']];

/** The label for the number of events in one append. */
export function batchSizeLabel(events: number): string {
  return BATCH_SIZES.find(([upTo]) => events <= upTo)?.[1] ?? '21+';
}

/** Which deadline an event records as missed: an offer nobody answered, a case step overdue, an unacknowledged rung. */
export function missedDeadlineOf(event: NewCaseEvent): MissedDeadline | undefined {
  switch (event.type) {
    case 'OfferExpired':
      return 'offer';
    case 'EscalationRaised':
      return event.data.trigger === 'missedDeadline' ? 'caseDeadline' : undefined;
    case 'EscalationLevelIncreased':
      return 'escalationAck';
    default:
      return undefined;
  }
}

/** The event store's metrics: append latency by batch size and outcome, events written by type, deadlines missed. */
@Injectable()
export class EventAppendMetrics {
  private readonly duration: Histogram<'events' | 'outcome'>;
  private readonly appended: Counter<'type'>;
  private readonly missed: Counter<'deadline'>;
  private readonly streamConflicts: Counter;

  constructor(registry: Registry) {
    this.duration = new Histogram({
      name: 'brigade_event_append_duration_seconds',
      help: 'Time for one append to the event store (idempotency check, version check, hash chain, projection), by events in the batch and outcome.',
      labelNames: ['events', 'outcome'],
      // An append is a few milliseconds on a healthy database; the upper buckets show lock waits and a struggling server.
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    this.appended = new Counter({
      name: 'brigade_events_appended_total',
      help: 'Case events written to the event store, by event type; retried appends are not counted twice.',
      labelNames: ['type'],
      registers: [registry],
    });
    this.missed = new Counter({
      name: 'brigade_deadlines_missed_total',
      help: 'Deadlines recorded as missed: offers that expired, case steps overdue (escalated), escalation rungs not acknowledged in time.',
      labelNames: ['deadline'],
      registers: [registry],
    });
    this.streamConflicts = new Counter({
      name: 'brigade_event_stream_conflicts_total',
      help: "Appends refused because a case's stored event stream and its workflow disagree; each one needs an operator.",
      registers: [registry],
    });
  }

  /** Counts one append refused because the case's stream and its workflow disagree. */
  recordStreamConflict(): void {
    this.streamConflicts.inc();
  }

  /** Records one append that took `seconds` and ended with `result`, or failed when `result` is undefined. */
  record(request: AppendRequest, seconds: number, result: AppendResult | undefined): void {
    const outcome: AppendOutcome = result === undefined ? 'failed' : result.deduplicated ? 'deduplicated' : 'appended';
    this.duration.observe({ events: batchSizeLabel(request.events.length), outcome }, seconds);
    if (outcome !== 'appended') return;
    for (const event of request.events) {
      this.appended.inc({ type: event.type });
      const deadline = missedDeadlineOf(event);
      if (deadline) this.missed.inc({ deadline });
    }
  }
}
