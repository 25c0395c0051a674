import { Client } from 'pg';
import { withDatabase, type TestDatabase } from './test-database';

/** Every row of every table of a database, as PostgreSQL renders it in JSON: a logical backup, as `pg_dump` takes one. */
export interface DatabaseBackup {
  readonly tables: ReadonlyMap<string, readonly string[]>;
}

// The migrations' own bookkeeping: a restore target is migrated already, as a restore into a fresh install would be.
const NOT_BACKED_UP = new Set(['migrations']);

/** Reads every row of the database as its superuser, table by table, in one snapshot. */
export async function backUpDatabase(db: TestDatabase): Promise<DatabaseBackup> {
  return asSuperuser(db, async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = new Map<string, string[]>();
    for (const table of await tableNames(client)) {
      const rows = await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${table} t`);
      tables.set(table, rows.rows.map(({ row }) => row));
    }
    await client.query('COMMIT');
    return { tables };
  });
}

/**
 * Writes a backup into a migrated, empty database, as `pg_restore --data-only --disable-triggers` does: the
 * append-only and chain triggers and the foreign keys stay quiet while the rows go in exactly as they were.
 */
export async function restoreDatabase(backup: DatabaseBackup, into: TestDatabase): Promise<void> {
  await asSuperuser(into, async (client) => {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    for (const [table, rows] of backup.tables) {
      // What the migrations seeded (the log's head, the places register) is replaced by the backup's own rows.
      await client.query(`DELETE FROM ${table}`);
      for (const row of rows) {
        await client.query(`INSERT INTO ${table} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_record(NULL::${table}, $1::json)`, [row]);
      }
    }
    await client.query('COMMIT');
  });
}

async function tableNames(client: Client): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    "SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
  return result.rows.map(({ name }) => name).filter((name) => !NOT_BACKED_UP.has(name));
}

async function asSuperuser<T>(db: TestDatabase, use: (client: Client) => Promise<T>): Promise<T> {
  const admin = process.env.BRIGADE_TEST_ADMIN_URL;
  if (!admin) throw new Error('BRIGADE_TEST_ADMIN_URL is not set: run the tests through jest (global set-up)');
  const client = new Client({ connectionString: withDatabase(admin, new URL(db.url).pathname.slice(1)) });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
