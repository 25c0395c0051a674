import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { brigadeDataSourceOptions } from '../../src/database/data-source-options';

/** A fresh, migrated database of its own for one test file. */
export interface TestDatabase {
  readonly url: string;
  readonly dataSource: DataSource;
  /** Runs SQL as the owner, outside the app's connection pool. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
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
    sql: (text, params) => withClient(url, async (client) => (await client.query(text, params)).rows),
    drop: async () => {
      await dataSource.destroy();
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
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
