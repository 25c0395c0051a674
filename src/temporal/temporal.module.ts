import { DynamicModule, Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { EventStoreModule } from '../event-store/event-store.module';
import { CaseWorkerService } from './case-worker.service';
import { TemporalClientLifecycle, temporalClientProvider } from './temporal-client.provider';

/** The Temporal client for every role, and the case worker for the roles that run one. */
@Module({})
export class TemporalModule {
  static forRoot({ runWorker }: { runWorker: boolean }): DynamicModule {
    return {
      module: TemporalModule,
      global: true,
      imports: [EventStoreModule],
      providers: [temporalClientProvider, TemporalClientLifecycle, ...(runWorker ? [CaseWorkerService] : [])],
      exports: [Client],
    };
  }
}
