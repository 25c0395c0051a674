import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { brigadeDataSourceOptions } from '../../src/database/data-source-options';

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
  readonly url: string;
  readonly dataSource: DataSource;
  drop(): Promise<void>;
}

/** Creates a uniquely named database on the test server, runs Brigade's migrations, and returns it connected. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.BRIGADE_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('BRIGADE_TEST_ADMIN_URL is not set: run the tests through jest (global set-up)');
  const name = `brigade_test_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(adminUrl, name);
  const dataSource = await new DataSource(brigadeDataSourceOptions(url, { logging: false })).initialize();
  return {
    url,
    dataSource,
    ...ownerAccess(url),
    drop: async () => {
      await dataSource.destroy();
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
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
