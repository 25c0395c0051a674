import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../database-roles';
import { makeAppendOnly } from './append-only-table';

/**
 * Creates the transparency log: one leaf per case event in commit order (the leaf's data is the event's hash), the
 * counter that hands out leaf indices, and the signed checkpoints over the tree. Events recorded before this migration
 * become the first leaves, in the order they were stored.
 */
export class TransparencyLog1765200000000 implements MigrationInterface {
  name = 'TransparencyLog1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The one row an append locks to take its leaf indices; held until the append commits, so indices follow commit order.
    await queryRunner.query(`
      CREATE TABLE transparency_log_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        tree_size bigint  NOT NULL CHECK (tree_size >= 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE transparency_log_leaves (
        leaf_index bigint   PRIMARY KEY CHECK (leaf_index >= 0),
        case_id    uuid     NOT NULL,
        version    integer  NOT NULL,
        event_hash char(64) NOT NULL,
        CONSTRAINT transparency_log_leaves_event UNIQUE (case_id, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE transparency_log_checkpoints (
        tree_size   bigint      PRIMARY KEY CHECK (tree_size >= 0),
        root_hash   char(64)    NOT NULL,
        key_id      char(8)     NOT NULL,
        signed_note text        NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      INSERT INTO transparency_log_leaves (leaf_index, case_id, version, event_hash)
      SELECT row_number() OVER (ORDER BY position) - 1, case_id, version, hash FROM case_events`);
    await queryRunner.query('INSERT INTO transparency_log_head (tree_size) SELECT count(*) FROM transparency_log_leaves');

    for (const table of ['transparency_log_leaves', 'transparency_log_checkpoints']) await makeAppendOnly(queryRunner, table);
    // The counter only ever grows: winding it back would hand out an index a second time.
    await queryRunner.query(`
      CREATE FUNCTION refuse_shrinking_log() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'UPDATE' OR NEW.tree_size < OLD.tree_size THEN
          RAISE EXCEPTION 'transparency_log_head only grows: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER transparency_log_head_grows BEFORE UPDATE OR DELETE ON transparency_log_head
      FOR EACH ROW EXECUTE FUNCTION refuse_shrinking_log()`);
    await queryRunner.query(`
      CREATE TRIGGER transparency_log_head_no_truncate BEFORE TRUNCATE ON transparency_log_head
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite()`);

    await queryRunner.query('REVOKE ALL ON transparency_log_head, transparency_log_leaves, transparency_log_checkpoints FROM PUBLIC');
    await queryRunner.query(`GRANT SELECT, INSERT ON transparency_log_leaves, transparency_log_checkpoints TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT, UPDATE ON transparency_log_head TO ${APP_ROLE}`);
    await queryRunner.query(`REVOKE INSERT ON transparency_log_head FROM ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE transparency_log_checkpoints');
    await queryRunner.query('DROP TABLE transparency_log_leaves');
    await queryRunner.query('DROP TABLE transparency_log_head');
    await queryRunner.query('DROP FUNCTION refuse_shrinking_log()');
  }
}
