import { Global, Module } from '@nestjs/common';
import { FieldEncryptionModule } from '../field-encryption/field-encryption.module';
import { EMBEDDED_MAILBOX } from './embedded-mailbox.port';
import { EmbeddedMailServer } from './embedded-mail-server';
import { EMBEDDED_SMTP_ADDRESS } from './embedded-smtp-address';
import { PostgresEmbeddedMailbox } from './postgres-embedded-mailbox';

/**
 * The SMTP server inside Brigade and its mailbox. The app includes it only in a process that runs the worker on the
 * embedded mail transport; global, so the SMTP channel finds `EMBEDDED_SMTP_ADDRESS` wherever it is built.
 */
@Global()
@Module({
  imports: [FieldEncryptionModule],
  providers: [
    { provide: EMBEDDED_MAILBOX, useClass: PostgresEmbeddedMailbox },
    EmbeddedMailServer,
    { provide: EMBEDDED_SMTP_ADDRESS, inject: [EmbeddedMailServer], useFactory: (server: EmbeddedMailServer) => server.address },
  ],
  exports: [EMBEDDED_SMTP_ADDRESS],
})
export class EmbeddedMailServerModule {}
