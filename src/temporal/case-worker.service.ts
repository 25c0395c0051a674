import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createCaseActivities } from '../../activities';
import { createRetentionActivities } from '../../activities/retention.activities';
import { BrigadeConfig } from '../config/brigade-config';
import { RuntimeConnections } from '../config/runtime-connections';
import { AesGcmPayloadCodec } from '../crypto/aes-gcm-payload-codec';
import { brigadeDataConverter } from '../crypto/brigade-data-converter';
import { MEASURED_EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { EXPERT_DIRECTORY, type ExpertDirectory } from '../expert-directory/expert-directory.port';
import { HISTORY_ARCHIVE, type HistoryArchive } from '../history-archive/history-archive.port';
import { CasePayloadCodec } from '../field-encryption/case-payload-codec';
import { DATA_KEY_STORE, type DataKeyStore } from '../key-store/data-key-store.port';
import { RETENTION_STORE, type RetentionStore } from '../retention-store/retention-store.port';
import { BrigadeNotificationSender } from '../notifications/notification-sender';
import { tracingWorkerOptions } from '../tracing/temporal-tracing';
import { LoggingEscalationNotifier } from './logging-escalation-notifier';

/** Runs the Temporal worker for case workflows from bootstrap until shutdown. */
@Injectable()
export class CaseWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CaseWorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    private readonly config: BrigadeConfig,
    private readonly connections: RuntimeConnections,
    // Measured by the metrics module, which times each append and raises the stream-conflict alert.
    @Inject(MEASURED_EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(EXPERT_DIRECTORY) private readonly expertDirectory: ExpertDirectory,
    private readonly notifier: LoggingEscalationNotifier,
    private readonly codec: AesGcmPayloadCodec,
    private readonly temporalClient: Client,
    @Inject(HISTORY_ARCHIVE) private readonly historyArchive: HistoryArchive,
    private readonly notificationSender: BrigadeNotificationSender,
    @Inject(RETENTION_STORE) private readonly retentionStore: RetentionStore,
    @Inject(DATA_KEY_STORE) private readonly keyStore: DataKeyStore,
    private readonly caseFields: CasePayloadCodec,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await NativeConnection.connect({ address: this.connections.temporalAddress });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.temporalNamespace,
      taskQueue: this.config.taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      dataConverter: brigadeDataConverter(this.codec, this.caseFields),
      // Timed where the activities receive it, so every append the workflows make is measured and the store stays as it is.
      activities: {
        ...createCaseActivities({
          eventStore: this.eventStore, expertDirectory: this.expertDirectory, notifier: this.notifier,
          temporalClient: this.temporalClient, historyArchive: this.historyArchive, notificationSender: this.notificationSender,
        }),
        ...createRetentionActivities({
          retentionStore: this.retentionStore, eventStore: this.eventStore, keyStore: this.keyStore,
          retentionRules: this.config.retention.rules, retentionRulesSource: this.config.retention.source,
        }),
      },
      ...tracingWorkerOptions(),
    });
    this.running = this.worker.run();
    // A worker that dies on its own must not die silently; shutdown rejections are handled below.
    this.running.catch((error: unknown) => this.logger.error(`the case worker stopped: ${String(error)}`));
    this.logger.log(`case worker polling task queue "${this.config.taskQueue}"`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
