import { DynamicModule, Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { PayloadEncryptionModule } from '../crypto/payload-encryption.module';
import { EventStoreModule } from '../event-store/event-store.module';
import { ExpertDirectoryModule } from '../expert-directory/expert-directory.module';
import { FieldEncryptionModule } from '../field-encryption/field-encryption.module';
import { HistoryArchiveModule } from '../history-archive/history-archive.module';
import { KeyStoreModule } from '../key-store/key-store.module';
import { RetentionStoreModule } from '../retention-store/retention-store.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { LoggingEscalationNotifier } from './logging-escalation-notifier';
import { RetentionReviewSchedule } from './retention-review-schedule';
import { RETENTION_REVIEWS } from './retention-reviews.port';
import { TemporalRetentionReviews } from './temporal-retention-reviews';
import { CaseWorkerService } from './case-worker.service';
import { TemporalClientLifecycle, temporalClientProvider } from './temporal-client.provider';
import { TEMPORAL_PROBE } from './temporal-probe.port';
import { TemporalServerProbe } from './temporal-server-probe';
import { TemporalWorkflowHistories } from './temporal-workflow-histories';
import { WORKFLOW_HISTORIES } from './workflow-histories.port';
import { StuckWorkflowWatch } from './stuck-workflow-watch';
import { STUCK_WORKFLOWS } from './stuck-workflows.port';

/**
 * The Temporal client for every role, the doors through which the audit, the health check and the case list reach Temporal
 * (the last to learn of stuck workflows), and the case worker for the roles that run one.
 */
@Module({})
export class TemporalModule {
  static forRoot({ runWorker }: { runWorker: boolean }): DynamicModule {
    return {
      module: TemporalModule,
      global: true,
      imports: [EventStoreModule, ExpertDirectoryModule, PayloadEncryptionModule, FieldEncryptionModule, HistoryArchiveModule, ...(runWorker ? [NotificationsModule, KeyStoreModule, RetentionStoreModule] : [])],
      providers: [
        temporalClientProvider, TemporalClientLifecycle,
        { provide: WORKFLOW_HISTORIES, useClass: TemporalWorkflowHistories },
        { provide: TEMPORAL_PROBE, useClass: TemporalServerProbe },
        { provide: RETENTION_REVIEWS, useClass: TemporalRetentionReviews },
        StuckWorkflowWatch, { provide: STUCK_WORKFLOWS, useExisting: StuckWorkflowWatch },
        ...(runWorker ? [CaseWorkerService, LoggingEscalationNotifier, RetentionReviewSchedule] : []),
      ],
      exports: [Client, WORKFLOW_HISTORIES, TEMPORAL_PROBE, RETENTION_REVIEWS, STUCK_WORKFLOWS],
    };
  }
}
