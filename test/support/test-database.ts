import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { brigadeDataSourceOptions } from '../../src/database/data-source-options';
import { OWNER_ROLE } from '../../src/database/database-roles';
import { runBrigadeMigrations } from '../../src/database/run-migrations';
import type { DataKeyStore } from '../../src/key-store/data-key-store.port';
import { FolderDataKeyStore } from '../../src/key-store/folder-data-key-store';

/** Runs one statement and answers its rows. */
export type Sql = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/** Statements run as the owner, outside the app's connection pool: for checks and for tampering on purpose. */
export interface OwnerAccess {
  /** Runs SQL as the owner, outside the app's connection pool. */
  readonly sql: Sql;
  /** Runs `use` in one transaction as the owner, outside the app's connection pool. */
  ownerTransaction(use: (sql: Sql) => Promise<void>): Promise<void>;
}

/** A fresh, migrated database of its own for one test file. */
export interface TestDatabase extends OwnerAccess {
  /** The application's login on this database, as Brigade connects in production: read and append only. */
  readonly url: string;
  /** The owner's login on this database, which runs the migrations. */
  readonly ownerUrl: string;
  readonly dataSource: DataSource;
  /** A data folder of the test's own, with nothing in it but the data keys that seal this database's sensitive fields. */
  readonly keyDataDir: string;
  /** The folder key store in `keyDataDir`, as the embedded default keeps data keys. */
  readonly keyStore: DataKeyStore;
  drop(): Promise<void>;
}

/**
 * Creates a uniquely named database owned by Brigade's owner login, runs the migrations as that owner, and returns it
 * connected as the application's login, so that every test exercises the privileges production has. Its data keys live
 * in the folder given (made beforehand with `createTestKeyFolder`), else in a fresh one.
 */
export async function createTestDatabase({ keyDataDir, keyStore } = createTestKeyFolder()): Promise<TestDatabase> {
  const { BRIGADE_TEST_ADMIN_URL: adminUrl, BRIGADE_TEST_OWNER_URL: ownerServerUrl, BRIGADE_TEST_APP_URL: appServerUrl } = process.env;
  if (!adminUrl || !ownerServerUrl || !appServerUrl) throw new Error('BRIGADE_TEST_ADMIN_URL, _OWNER_URL and _APP_URL are not set: run the tests through jest (global set-up)');
  const name = `brigade_test_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name} OWNER ${OWNER_ROLE}`));
  const ownerUrl = withDatabase(ownerServerUrl, name);
  const url = withDatabase(appServerUrl, name);
  await runBrigadeMigrations(ownerUrl, { logging: false });
  const dataSource = await new DataSource(brigadeDataSourceOptions(url, { logging: false })).initialize();
  return {
    url,
    ownerUrl,
    dataSource,
    keyDataDir,
    keyStore,
    ...ownerAccess(ownerUrl),
    drop: async () => {
      await dataSource.destroy();
      rmSync(keyDataDir, { recursive: true, force: true });
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** A fresh folder for a test database's data keys, and the one key store over it; the database removes it when dropped. */
export function createTestKeyFolder(): Pick<TestDatabase, 'keyDataDir' | 'keyStore'> {
  const keyDataDir = mkdtempSync(path.join(tmpdir(), 'brigade-keys-'));
  return { keyDataDir, keyStore: FolderDataKeyStore.open(keyDataDir) };
}

/** SQL on a connection of its own as the login in `url`, which should be the owner's. */
export function ownerAccess(url: string): OwnerAccess {
  return {
    sql: (text, params) => withClient(url, async (client) => (await client.query(text, params)).rows),
    ownerTransaction: (use) => withClient(url, async (client) => {
      await client.query('BEGIN');
      try {
        await use(async (text, params) => (await client.query(text, params)).rows);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }),
  };
}

/** The same server URL, pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
