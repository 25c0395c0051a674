import { Module } from '@nestjs/common';
import { EVENT_STORE } from './event-store.port';
import { PostgresEventStore } from './postgres-event-store';

/** Provides the event store port, backed by PostgreSQL. */
@Module({
  providers: [PostgresEventStore, { provide: EVENT_STORE, useExisting: PostgresEventStore }],
  exports: [EVENT_STORE],
})
export class EventStoreModule {}
