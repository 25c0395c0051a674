import { Module } from '@nestjs/common';
import { KeyStoreModule } from '../key-store/key-store.module';
import { RetentionStoreModule } from '../retention-store/retention-store.module';
import { EventStoreModule } from '../event-store/event-store.module';
import { FieldEncryptionModule } from '../field-encryption/field-encryption.module';
import { ExpertDirectoryModule } from '../expert-directory/expert-directory.module';
import { CaseList } from './case-list';
import { CaseWorkflowClient } from './case-workflow.client';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { CASE_WORKFLOWS } from './case-workflows.port';
import { ExpertCaseAccess } from './expert-case-access';
import { ReadModelModule } from '../read-model/read-model.module';

/** Support cases over HTTP: registration, every step of the workflow, the case list and the recorded history. */
@Module({
  imports: [EventStoreModule, ReadModelModule, ExpertDirectoryModule, FieldEncryptionModule, KeyStoreModule, RetentionStoreModule],
  controllers: [CasesController],
  providers: [CasesService, { provide: CASE_WORKFLOWS, useClass: CaseWorkflowClient }, CaseList, ExpertCaseAccess],
  exports: [CASE_WORKFLOWS, ExpertCaseAccess],
})
export class CasesModule {}
