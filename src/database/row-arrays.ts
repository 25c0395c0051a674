import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Runs one query on a connection of the pool and answers its rows as arrays of column values: for reads of many rows,
 * where building an object per row costs more than the database's work.
 */
export async function queryRowArrays(dataSource: DataSource, text: string, values: readonly unknown[]): Promise<unknown[][]> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    return (await client.query({ text, values: [...values], rowMode: 'array' })).rows as unknown[][];
  } finally {
    await runner.release();
  }
}
