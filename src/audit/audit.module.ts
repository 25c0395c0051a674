import { Module } from '@nestjs/common';
import { CheckpointsModule } from '../checkpoints/checkpoints.module';
import { PayloadEncryptionModule } from '../crypto/payload-encryption.module';
import { EventStoreModule } from '../event-store/event-store.module';
import { FieldEncryptionModule } from '../field-encryption/field-encryption.module';
import { HistoryArchiveModule } from '../history-archive/history-archive.module';
import { AuditController } from './audit.controller';
import { CaseHistoryService } from './case-history.service';
import { CaseVerificationService } from './case-verification.service';
import { RecordedCaseReader } from './recorded-case.reader';
import { AuditWorkers } from './audit-workers';
import { CASE_SNAPSHOTS } from './case-snapshots.port';
import { PostgresCaseSnapshots } from './postgres-case-snapshots';
import { ReadModelModule } from '../read-model/read-model.module';

/** Auditing over HTTP: timeline, state as of a point, verification with workflow replay, and export for offline checks. */
@Module({
  imports: [EventStoreModule, ReadModelModule, FieldEncryptionModule, PayloadEncryptionModule, CheckpointsModule, HistoryArchiveModule],
  controllers: [AuditController],
  providers: [
    CaseHistoryService, CaseVerificationService, RecordedCaseReader, PostgresCaseSnapshots, { provide: CASE_SNAPSHOTS, useExisting: PostgresCaseSnapshots },
    // Threads start on the first long chain, not here, and stop with the application.
    { provide: AuditWorkers, useFactory: () => new AuditWorkers() },
  ],
})
export class AuditModule {}
