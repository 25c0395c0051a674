import { DefaultLogger, Runtime } from '@temporalio/worker';

// Workers inside tests log only warnings and errors, so a failing test's output stays readable.
Runtime.install({ logger: new DefaultLogger('WARN') });
