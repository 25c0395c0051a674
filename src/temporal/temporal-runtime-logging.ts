import { DefaultLogger, IllegalStateError, Runtime, type LogLevel, type LogMetadata } from '@temporalio/worker';
import type { Logger } from 'pino';
import type { BrigadeLogLevel } from '../logging/brigade-log-options';
import { coreMetricsExporter, rememberCoreMetricsPort } from './temporal-core-metrics';

const SDK_LEVELS: Readonly<Record<BrigadeLogLevel, LogLevel>> = { error: 'ERROR', warn: 'WARN', log: 'INFO', debug: 'DEBUG' };
// An activity's task token lets whoever holds it complete the activity, so it stays out of logs like a credential.
const WITHHELD_KEYS = new Set(['taskToken']);
const PINO_METHODS = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const satisfies Record<LogLevel, string>;

/**
 * Sends the Temporal SDK's logs (the worker's, the workflows' `log`, and core's warnings) to Brigade's logger, so that
 * they are JSON lines like the rest and go through the same redaction. Only flat attributes pass (see
 * `loggableAttributes`), so a payload never reaches a log. With `coreMetricsPort`, core also serves the worker's metrics
 * on that loopback port for `/metrics` to merge. A runtime the process set up already, such as a test harness's, is kept.
 */
export function installTemporalRuntimeLogging(logger: Logger, level: BrigadeLogLevel, coreMetricsPort?: number): void {
  const temporal = logger.child({ context: 'Temporal' });
  try {
    Runtime.install({
      logger: new DefaultLogger(SDK_LEVELS[level], ({ level: entryLevel, message, meta }) =>
        temporal[PINO_METHODS[entryLevel]](loggableAttributes(meta), message)),
      // Core stays at warnings whatever the level: its debug output describes workflow activations in detail.
      telemetryOptions: {
        logging: { filter: { core: 'WARN', other: 'WARN' }, forward: {} },
        ...(coreMetricsPort === undefined ? {} : { metrics: coreMetricsExporter(coreMetricsPort) }),
      },
    });
    if (coreMetricsPort !== undefined) rememberCoreMetricsPort(coreMetricsPort);
  } catch (error) {
    if (!(error instanceof IllegalStateError)) throw error;
  }
}

/**
 * The attributes of an SDK log entry that may be logged: plain values (ids, types, attempts, states) and an error,
 * which the logger reduces to its kind, message and stack. Task tokens and objects are left out: the SDK's debug and
 * trace entries attach worker options, activations and results, which hold payloads and the data converter.
 */
export function loggableAttributes(meta: LogMetadata | undefined): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(meta ?? {})) {
    if (WITHHELD_KEYS.has(key)) continue;
    if (value instanceof Error) kept.err = value;
    else if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) kept[key] = value;
  }
  return kept;
}
