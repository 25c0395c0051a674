import type { PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs one query on a connection of the pool and answers its rows as arrays of column values: for reads of many rows,
 * where building an object per row costs more than the database's work.
 */
export async function queryRowArrays(
  source: DataSource | EntityManager, text: string, values: readonly unknown[],
): Promise<unknown[][]> {
  // A transaction's manager brings its own connection, which must stay with the transaction rather than go back to the pool.
  const transactionRunner = 'queryRunner' in source ? source.queryRunner : undefined;
  const runner = transactionRunner ?? (source as DataSource).createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    return (await client.query({ text, values: [...values], rowMode: 'array' })).rows as unknown[][];
  } finally {
    if (!transactionRunner) await runner.release();
  }
}
