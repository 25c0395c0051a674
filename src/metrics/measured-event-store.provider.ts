import type { FactoryProvider } from '@nestjs/common';
import { EVENT_STORE, MEASURED_EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { EventAppendMetrics } from './event-append.metrics';
import { MeasuredEventStore } from './measured-event-store';

/** Provides the worker's event store wrapped in the append metrics, so the Temporal worker gets it without knowing metrics. */
export const measuredEventStoreProvider: FactoryProvider<EventStore> = {
  provide: MEASURED_EVENT_STORE,
  inject: [EVENT_STORE, EventAppendMetrics],
  useFactory: (store: EventStore, metrics: EventAppendMetrics) => new MeasuredEventStore(store, metrics),
};
