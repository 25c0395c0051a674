import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPEND_FUNCTION } from '../case-append-schema';

/** The functions that guard and write the event log, each resolving table names in the schema it was made for. */
const GUARDED_FUNCTIONS = ['refuse_history_rewrite', 'refuse_broken_chain_link', 'refuse_shrinking_log', APPEND_FUNCTION];

/** Times Brigade writes, and the read model keeps, by table; each must be a time a JavaScript Date can hold. */
const TIMES: ReadonlyArray<readonly [table: string, columns: readonly string[]]> = [
  ['case_events', ['occurred_at', 'recorded_at']],
  ['case_event_batches', ['recorded_at']],
  ['cases', ['created_at', 'updated_at']],
];

// JavaScript's latest Date; PostgreSQL's earliest timestamp (4713 BC) is later than JavaScript's earliest.
const LATEST_DATE = '275760-09-13 00:00:00+00';

/**
 * Two holes an outside attack found in what the application's login can do to the log:
 * - A temporary table named like a Brigade table shadows it inside a function that resolves names through the session's
 *   search path, so the chain guard checked the attacker's table instead of the log. Each function now resolves names in
 *   its own schema, with `pg_temp` last.
 * - `infinity` or a year past 275760 was accepted as an event's or the read model's time, and then crashed the case list
 *   and the audit. Such times are refused from now on (existing rows are not scanned: NOT VALID).
 */
export class PinSearchPathAndFiniteTimes1765900000000 implements MigrationInterface {
  name = 'PinSearchPathAndFiniteTimes1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [{ schema }] = await queryRunner.query('SELECT current_schema() AS schema') as Array<{ schema: string }>;
    for (const fn of GUARDED_FUNCTIONS) await queryRunner.query(`ALTER FUNCTION ${fn} SET search_path = "${schema}", pg_temp`);
    for (const [table, columns] of TIMES) {
      const finite = columns.map((column) => `isfinite(${column}) AND ${column} < '${LATEST_DATE}'`).join(' AND ');
      await queryRunner.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_times_a_date_can_hold CHECK (${finite}) NOT VALID`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of TIMES) await queryRunner.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_times_a_date_can_hold`);
    for (const fn of GUARDED_FUNCTIONS) await queryRunner.query(`ALTER FUNCTION ${fn} RESET search_path`);
  }
}
