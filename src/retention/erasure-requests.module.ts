import { Module } from '@nestjs/common';
import { EventStoreModule } from '../event-store/event-store.module';
import { ExpertDirectoryModule } from '../expert-directory/expert-directory.module';
import { KeyStoreModule } from '../key-store/key-store.module';
import { RetentionStoreModule } from '../retention-store/retention-store.module';
import { DestructionReportController } from './destruction-report.controller';
import { DestructionReportService } from './destruction-report.service';
import { ErasureRequestsController } from './erasure-requests.controller';
import { ErasureRequestsService } from './erasure-requests.service';

/** Erasure requests with four eyes, and the report that proves what was destroyed. */
@Module({
  imports: [EventStoreModule, KeyStoreModule, RetentionStoreModule, ExpertDirectoryModule],
  controllers: [ErasureRequestsController, DestructionReportController],
  providers: [ErasureRequestsService, DestructionReportService],
})
export class ErasureRequestsModule {}
