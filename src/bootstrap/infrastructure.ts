import { Logger } from '@nestjs/common';
import type { BrigadeConfig } from '../config/brigade-config';
import { localCodecEndpoint } from '../codec-server/codec-endpoint';
import { RuntimeConnections } from '../config/runtime-connections';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { findTemporalCli } from '../temporal/temporal-binaries';
import { startTemporalDevServer } from '../temporal/temporal-dev-server';

/** The services Brigade needs, started by Brigade itself where no external one is configured. */
export interface Infrastructure {
  readonly connections: RuntimeConnections;
  /** Stops whatever this process started, newest first. */
  stop(): Promise<void>;
}

/** Starts an embedded PostgreSQL and a Temporal dev server unless DATABASE_URL and TEMPORAL_ADDRESS point elsewhere. */
export async function startInfrastructure(config: BrigadeConfig): Promise<Infrastructure> {
  const logger = new Logger('Infrastructure');
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch((error) => logger.error(String(error)));
  };
  try {
    let databaseUrl = config.databaseUrl;
    let databaseMigrationUrl = config.databaseMigrationUrl ?? config.databaseUrl;
    if (!databaseUrl) {
      const database = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort, serverUserRoot: config.embeddedPostgresRoot });
      stops.push(() => database.stop());
      databaseUrl = database.url;
      databaseMigrationUrl = database.migrationUrl;
      database.notes.forEach((note) => logger.log(note));
      logger.log(`embedded PostgreSQL on 127.0.0.1:${config.embeddedPostgresPort} (data in ${database.clusterDir})`);
    }
    let temporalAddress = config.temporalAddress;
    let temporalUiUrl: string | undefined;
    if (!temporalAddress) {
      const server = await startTemporalDevServer({
        cliPath: findTemporalCli(config.temporalCliPath),
        dataDir: config.dataDir,
        port: config.devServerPort,
        uiPort: config.devServerUiPort,
        namespace: config.temporalNamespace,
        uiCodecEndpoint: localCodecEndpoint(config),
      });
      stops.push(() => server.stop());
      temporalAddress = server.address;
      temporalUiUrl = server.uiUrl;
      logger.log(`Temporal dev server on ${server.address}, web UI at ${server.uiUrl}`);
    }
    return { connections: new RuntimeConnections(databaseUrl, temporalAddress, temporalUiUrl, databaseMigrationUrl), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
