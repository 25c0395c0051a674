import { Injectable } from '@nestjs/common';
import { Registry, prometheusContentType } from 'prom-client';
import { TemporalCoreMetricsReader } from './temporal-core-metrics.reader';

/** The Prometheus text format that `/metrics` answers in. */
export const METRICS_CONTENT_TYPE = prometheusContentType;

/** The whole `/metrics` answer: Brigade's registry (process, cases, event store, HTTP) followed by the Temporal worker's. */
@Injectable()
export class MetricsExposition {
  constructor(private readonly registry: Registry, private readonly core: TemporalCoreMetricsReader) {}

  async text(): Promise<string> {
    const [own, core] = await Promise.all([this.registry.metrics(), this.core.text()]);
    return `${own.endsWith('\n') ? own : `${own}\n`}${core}`;
  }
}
