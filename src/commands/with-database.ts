import { DataSource } from 'typeorm';
import type { BrigadeConfig } from '../config/brigade-config';
import { brigadeDataSourceOptions } from '../database/data-source-options';
import type { EmbeddedDatabase } from '../database/embedded-postgres';
import { runBrigadeMigrations } from '../database/run-migrations';

/** Runs `use` against Brigade's database, migrated; starts and stops the embedded PostgreSQL when no DATABASE_URL is set. */
export async function withDatabase<T>(config: BrigadeConfig, use: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const embedded = config.databaseUrl ? undefined : await startEmbedded(config);
  try {
    // The schema is brought up to date, as the owner, before anything is read or written as the application.
    await runBrigadeMigrations(config.databaseMigrationUrl ?? config.databaseUrl ?? embedded!.migrationUrl);
    const dataSource = await new DataSource(brigadeDataSourceOptions(config.databaseUrl ?? embedded!.url)).initialize();
    try {
      return await use(dataSource);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await embedded?.stop();
  }
}

async function startEmbedded(config: BrigadeConfig): Promise<EmbeddedDatabase> {
  // Loaded only when needed: a run against DATABASE_URL has no use for it, and jest cannot load its ES module.
  const { startEmbeddedPostgres } = await import('../database/embedded-postgres.js');
  try {
    return await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort, serverUserRoot: config.embeddedPostgresRoot });
  } catch (error) {
    throw new Error(`cannot start the embedded PostgreSQL in ${config.dataDir}. If Brigade is running on it, stop ` +
      `Brigade first, or set DATABASE_URL to the database to use. (${error instanceof Error ? error.message : String(error)})`);
  }
}
