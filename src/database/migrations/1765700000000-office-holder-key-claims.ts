import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../database-roles';
import { makeAppendOnly } from './append-only-table';

/**
 * Records, before a case's workflow starts, which office holder's key the new case seals under. An erasure approval
 * reads these claims under a lock the registration also takes, so a case being registered at that moment counts as an
 * open case of the person, and the erasure waits rather than destroy the key the new case was just sealed under.
 */
export class OfficeHolderKeyClaims1765700000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE office_holder_key_claims (
        case_id    uuid        NOT NULL,
        key_id     text        NOT NULL,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, key_id)
      )`);
    await queryRunner.query('CREATE INDEX office_holder_key_claims_key_idx ON office_holder_key_claims (key_id)');
    await makeAppendOnly(queryRunner, 'office_holder_key_claims');
    await queryRunner.query('REVOKE ALL ON office_holder_key_claims FROM PUBLIC');
    await queryRunner.query(`GRANT SELECT, INSERT ON office_holder_key_claims TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE office_holder_key_claims');
  }
}
