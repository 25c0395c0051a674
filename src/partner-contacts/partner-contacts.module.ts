import { Module } from '@nestjs/common';
import { PARTNER_CONTACT_STORE } from './partner-contact-store.port';
import { PARTNER_DIRECTORY } from './partner-directory.port';
import { PostgresPartnerContactStore } from './postgres-partner-contact-store';
import { PostgresPartnerDirectory } from './postgres-partner-directory';

/** The partners' contact points in PostgreSQL: the store the coordinators' routes keep, and the lookup the notification sender reads. */
@Module({
  providers: [
    PostgresPartnerContactStore, { provide: PARTNER_CONTACT_STORE, useExisting: PostgresPartnerContactStore },
    PostgresPartnerDirectory, { provide: PARTNER_DIRECTORY, useExisting: PostgresPartnerDirectory },
  ],
  exports: [PARTNER_CONTACT_STORE, PARTNER_DIRECTORY],
})
export class PartnerContactsModule {}
