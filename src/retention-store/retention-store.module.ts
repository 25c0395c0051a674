import { Module } from '@nestjs/common';
import { OFFICE_HOLDER_CLAIMS } from './office-holder-claims.port';
import { PERSON_KEY_LOCATOR } from './person-key-locator.port';
import { PostgresOfficeHolderClaims } from './postgres-office-holder-claims';
import { PostgresPersonKeyLocator } from './postgres-person-key-locator';
import { PostgresRetentionStore } from './postgres-retention-store';
import { RETENTION_STORE } from './retention-store.port';

/** The record of destruction lists and erasure requests, the lookup of where a person's data is sealed, and the claims that keep registration and erasure apart. */
@Module({
  providers: [
    PostgresRetentionStore, { provide: RETENTION_STORE, useExisting: PostgresRetentionStore },
    PostgresPersonKeyLocator, { provide: PERSON_KEY_LOCATOR, useExisting: PostgresPersonKeyLocator },
    PostgresOfficeHolderClaims, { provide: OFFICE_HOLDER_CLAIMS, useExisting: PostgresOfficeHolderClaims },
  ],
  exports: [RETENTION_STORE, PERSON_KEY_LOCATOR, OFFICE_HOLDER_CLAIMS],
})
export class RetentionStoreModule {}
