import { DataSource } from 'typeorm';
import { brigadeDataSourceOptions } from './data-source-options';

/** Brings Brigade's schema up to date on a short-lived connection of its own, as the login in `ownerUrl`. */
export async function runBrigadeMigrations(ownerUrl: string, overrides: { logging?: boolean } = {}): Promise<void> {
  // One connection is enough, and statements such as a new index may take longer than the app's 30 s bound.
  const dataSource = new DataSource({ ...brigadeDataSourceOptions(ownerUrl, overrides), extra: { max: 1, connectionTimeoutMillis: 5_000 } });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    const login = new URL(ownerUrl).username;
    throw new Error(`the database migrations failed as "${decodeURIComponent(login)}"; they need the login that owns Brigade's ` +
      `tables (DATABASE_MIGRATION_URL, see docs/database-security.md): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await dataSource.destroy();
  }
}
