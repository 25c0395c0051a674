import { Module } from '@nestjs/common';
import { PERSON_KEY_LOCATOR } from './person-key-locator.port';
import { PostgresPersonKeyLocator } from './postgres-person-key-locator';
import { PostgresRetentionStore } from './postgres-retention-store';
import { RETENTION_STORE } from './retention-store.port';

/** The record of destruction lists and erasure requests, and the lookup of where a person's data is sealed. */
@Module({
  providers: [
    PostgresRetentionStore, { provide: RETENTION_STORE, useExisting: PostgresRetentionStore },
    PostgresPersonKeyLocator, { provide: PERSON_KEY_LOCATOR, useExisting: PostgresPersonKeyLocator },
  ],
  exports: [RETENTION_STORE, PERSON_KEY_LOCATOR],
})
export class RetentionStoreModule {}
