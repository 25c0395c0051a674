import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';

/** A statement an append runs every time with the same text: PostgreSQL parses and plans it once per connection. */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

/**
 * Runs a prepared statement outside any transaction on a connection of the pool, and answers its rows as arrays of
 * column values; pg prepares it on a connection's first use and afterwards only binds and executes it.
 */
export async function runPrepared(dataSource: DataSource, statement: PreparedStatement, values: readonly unknown[]): Promise<unknown[][]> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    return (await client.query({ name: statement.name, text: statement.text, values: [...values], rowMode: 'array' })).rows as unknown[][];
  } finally {
    await runner.release();
  }
}
