import { Module } from '@nestjs/common';
import { KeyStoreModule } from '../key-store/key-store.module';
import { EVENT_STORE } from './event-store.port';
import { PostgresEventStore } from './postgres-event-store';

/** Provides the event store port, backed by PostgreSQL, sealing sensitive fields with the key store's data keys. */
@Module({
  imports: [KeyStoreModule],
  providers: [PostgresEventStore, { provide: EVENT_STORE, useExisting: PostgresEventStore }],
  exports: [EVENT_STORE],
})
export class EventStoreModule {}
