import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CHAIN_LINK_CONSTRAINT, GENESIS_HASH } from '../event-chain-schema';

/**
 * Makes the database refuse a `case_events` row that does not continue its stream: its version must be the stream's
 * last + 1 (1 for a new stream) and its prev_hash the last row's hash (the genesis hash for version 1).
 */
export class GuardEventChain1764700000000 implements MigrationInterface {
  name = 'GuardEventChain1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // No lock is needed: the row checked against is committed and can never change (append-only), and the unique
    // (case_id, version) index lets only one of two concurrent rows with the same version commit. The last row is
    // one backward step on that index. VOLATILE, so the check sees rows inserted earlier by the same statement.
    await queryRunner.query(`
      CREATE FUNCTION refuse_broken_chain_link() RETURNS trigger LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        last_row record;
      BEGIN
        SELECT version, hash INTO last_row FROM case_events WHERE case_id = NEW.case_id ORDER BY version DESC LIMIT 1;
        IF NOT FOUND THEN
          IF NEW.version <> 1 THEN
            RAISE EXCEPTION 'case_events: case % has no events, so the next row must be version 1, not %', NEW.case_id, NEW.version
              USING ERRCODE = 'check_violation', CONSTRAINT = '${CHAIN_LINK_CONSTRAINT}';
          END IF;
          IF NEW.prev_hash <> '${GENESIS_HASH}' THEN
            RAISE EXCEPTION 'case_events: version 1 of case % must carry the genesis prev_hash', NEW.case_id
              USING ERRCODE = 'check_violation', CONSTRAINT = '${CHAIN_LINK_CONSTRAINT}';
          END IF;
        ELSIF NEW.version <> last_row.version + 1 THEN
          RAISE EXCEPTION 'case_events: case % is at version %, so the next row must be version %, not %',
            NEW.case_id, last_row.version, last_row.version + 1, NEW.version
            USING ERRCODE = 'check_violation', CONSTRAINT = '${CHAIN_LINK_CONSTRAINT}';
        ELSIF NEW.prev_hash <> last_row.hash THEN
          RAISE EXCEPTION 'case_events: version % of case % must carry prev_hash of version %', NEW.version, NEW.case_id, last_row.version
            USING ERRCODE = 'check_violation', CONSTRAINT = '${CHAIN_LINK_CONSTRAINT}';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER case_events_chain_link BEFORE INSERT ON case_events
      FOR EACH ROW EXECUTE FUNCTION refuse_broken_chain_link()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER case_events_chain_link ON case_events');
    await queryRunner.query('DROP FUNCTION refuse_broken_chain_link()');
  }
}
