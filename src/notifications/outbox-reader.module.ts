import { Module } from '@nestjs/common';
import { FieldEncryptionModule } from '../field-encryption/field-encryption.module';
import { OUTBOX_READER } from './outbox-reader.port';
import { PostgresOutboxReader } from './postgres-outbox-reader';

/** Provides the outbox reader port, backed by PostgreSQL. */
@Module({
  imports: [FieldEncryptionModule],
  providers: [{ provide: OUTBOX_READER, useClass: PostgresOutboxReader }],
  exports: [OUTBOX_READER],
})
export class OutboxReaderModule {}
