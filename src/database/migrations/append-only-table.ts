import type { QueryRunner } from 'typeorm';

/**
 * Makes the database refuse to rewrite, remove or truncate a table's rows, with the triggers `<table>_append_only` and
 * `<table>_no_truncate` on the first migration's `refuse_history_rewrite()`: for tables that hold evidence.
 */
export async function makeAppendOnly(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`
    CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite()`);
  await queryRunner.query(`
    CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite()`);
}
