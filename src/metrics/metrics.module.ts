import { DynamicModule, Module } from '@nestjs/common';
import { Registry } from 'prom-client';
import type { BrigadeConfig } from '../config/brigade-config';
import { EventStoreModule } from '../event-store/event-store.module';
import { MEASURED_EVENT_STORE } from '../event-store/event-store.port';
import { EventAppendMetrics } from './event-append.metrics';
import { measuredEventStoreProvider } from './measured-event-store.provider';
import { MetricsExposition } from './metrics-exposition';
import { metricsRegistryProvider } from './metrics-registry.provider';
import { TemporalCoreMetricsReader } from './temporal-core-metrics.reader';
import { WorkerMetricsServer } from './worker-metrics.server';

/**
 * The process's metrics registry, the event store's metrics (recorded where the worker appends, through the measured
 * event store this module provides) and the merged exposition; a worker-only process also serves it on its own port.
 * The HTTP route is in `MetricsHttpModule`.
 */
@Module({})
export class MetricsModule {
  static forRoot(config: BrigadeConfig): DynamicModule {
    const servesOwnPort = !config.runsApi && config.metrics.workerAddress !== undefined;
    return {
      module: MetricsModule,
      global: true,
      imports: [EventStoreModule],
      providers: [metricsRegistryProvider, EventAppendMetrics, measuredEventStoreProvider, TemporalCoreMetricsReader, MetricsExposition, ...(servesOwnPort ? [WorkerMetricsServer] : [])],
      exports: [Registry, EventAppendMetrics, MetricsExposition, MEASURED_EVENT_STORE],
    };
  }
}
