import { DefaultLogger, Runtime } from '@temporalio/worker';

// Workers inside tests log only warnings and errors, so a failing test's output stays readable. The SDK core's own
// log is cut to errors: the time-skipping server lacks a capability it warns about once per worker start.
Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } } });
