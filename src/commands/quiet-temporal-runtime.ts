import { DefaultLogger, IllegalStateError, Runtime } from '@temporalio/worker';

/**
 * Keeps the replay worker's lifecycle chatter out of a command's report: only errors of Temporal's runtime reach
 * stderr, since the command itself reports every divergence. A runtime the process already set up keeps its own.
 */
export function quietTemporalRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR'), telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } } });
  } catch (error) {
    if (!(error instanceof IllegalStateError)) throw error;
  }
}
