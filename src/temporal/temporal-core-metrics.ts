import type { MetricsExporterConfig } from '@temporalio/worker';

let servedAt: string | undefined;

/**
 * Where this process's Temporal core serves its worker metrics (Prometheus text), or undefined when the runtime was
 * installed without them (an api-only process, or a test harness's own runtime).
 */
export function temporalCoreMetricsUrl(): string | undefined {
  return servedAt;
}

/** Core's Prometheus exporter on a loopback port, read and merged into Brigade's own `/metrics` answer. */
export function coreMetricsExporter(port: number): MetricsExporterConfig {
  // Seconds, like every other duration Prometheus scrapes from Brigade.
  return { prometheus: { bindAddress: `127.0.0.1:${port}`, useSecondsForDurations: true, countersTotalSuffix: true } };
}

/** Records that the runtime was installed with `coreMetricsExporter(port)`, so `/metrics` knows where to read. */
export function rememberCoreMetricsPort(port: number): void {
  servedAt = `http://127.0.0.1:${port}/metrics`;
}
