import { Injectable } from '@nestjs/common';
import { temporalCoreMetricsUrl } from '../temporal/temporal-core-metrics';

const READ_TIMEOUT_MS = 2_000;

/** Reads the Temporal worker's own metrics (pollers, slots, task latencies, sticky cache) from core's exporter. */
@Injectable()
export class TemporalCoreMetricsReader {
  /** Core's metrics as Prometheus text; empty when this process runs no worker, a comment when core does not answer. */
  async text(): Promise<string> {
    const url = temporalCoreMetricsUrl();
    if (url === undefined) return '';
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(READ_TIMEOUT_MS) });
      if (!response.ok) return `# Temporal core metrics unavailable: HTTP ${response.status}\n`;
      const text = await response.text();
      return text.endsWith('\n') || text === '' ? text : `${text}\n`;
    } catch (error) {
      // A comment keeps the scrape valid: Brigade's own metrics still arrive while core's are missing.
      return `# Temporal core metrics unavailable: ${error instanceof Error ? error.message : String(error)}\n`;
    }
  }
}
