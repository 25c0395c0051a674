import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../database-roles';
import { makeAppendOnly } from './append-only-table';

const TABLES = ['retention_lists', 'retention_list_cases', 'retention_list_decisions', 'erasure_requests', 'erasure_request_decisions'];

/**
 * Creates the record of what the retention review proposed and who decided on it, and of erasure requests and their
 * decisions. Every row is evidence of a destruction (or of one refused), so none is ever rewritten: a list's or a
 * request's state is the sum of its decision rows, and the unique indexes are the four-eyes rule in the database too.
 */
export class Retention1765500000000 implements MigrationInterface {
  name = 'Retention1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE retention_lists (
        list_id      uuid        PRIMARY KEY,
        workflow_id  text        NOT NULL,
        as_of        timestamptz NOT NULL,
        rules_source text        NOT NULL,
        proposed_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE retention_list_cases (
        list_id   uuid        NOT NULL REFERENCES retention_lists (list_id),
        case_id   uuid        NOT NULL,
        category  text        NOT NULL,
        outcome   text        NOT NULL CHECK (outcome IN ('closed', 'cancelled', 'rejected')),
        ended_at  timestamptz NOT NULL,
        rule_id   text        NOT NULL,
        keep_for  text        NOT NULL,
        action    text        NOT NULL CHECK (action IN ('destroy', 'transfer')),
        due_at    timestamptz NOT NULL,
        key_ids   text[]      NOT NULL,
        PRIMARY KEY (list_id, case_id)
      )`);
    await queryRunner.query('CREATE INDEX retention_list_cases_case_idx ON retention_list_cases (case_id)');
    await queryRunner.query(`
      CREATE TABLE retention_list_decisions (
        decision_id bigserial   PRIMARY KEY,
        list_id     uuid        NOT NULL REFERENCES retention_lists (list_id),
        decision    text        NOT NULL CHECK (decision IN ('approved', 'rejected', 'expired', 'executed')),
        actor_role  text        NOT NULL,
        actor_id    text        NOT NULL,
        actor_name  text,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One approval per person per list, and one ending per list: the two-person rule holds even against a bug above.
    await queryRunner.query("CREATE UNIQUE INDEX retention_list_one_approval_each ON retention_list_decisions (list_id, actor_id) WHERE decision = 'approved'");
    await queryRunner.query("CREATE UNIQUE INDEX retention_list_one_ending ON retention_list_decisions (list_id) WHERE decision <> 'approved'");
    await queryRunner.query(`
      CREATE TABLE erasure_requests (
        request_id        uuid        PRIMARY KEY,
        subject_kind      text        NOT NULL CHECK (subject_kind IN ('officeHolder', 'expert')),
        case_id           uuid,
        expert_id         text,
        reason            text        NOT NULL CHECK (reason IN ('data_subject_request', 'expert_left_pool', 'no_longer_needed')),
        requested_by_role text        NOT NULL,
        requested_by_id   text        NOT NULL,
        requested_by_name text,
        requested_at      timestamptz NOT NULL DEFAULT now(),
        CHECK ((subject_kind = 'officeHolder' AND case_id IS NOT NULL AND expert_id IS NULL)
            OR (subject_kind = 'expert' AND expert_id IS NOT NULL AND case_id IS NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE erasure_request_decisions (
        decision_id bigserial   PRIMARY KEY,
        request_id  uuid        NOT NULL REFERENCES erasure_requests (request_id),
        decision    text        NOT NULL CHECK (decision IN ('approved', 'rejected', 'executed')),
        actor_role  text        NOT NULL,
        actor_id    text        NOT NULL,
        actor_name  text,
        key_ids     text[]      NOT NULL DEFAULT '{}',
        case_ids    uuid[]      NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query("CREATE UNIQUE INDEX erasure_request_one_decision ON erasure_request_decisions (request_id) WHERE decision IN ('approved', 'rejected')");
    await queryRunner.query("CREATE UNIQUE INDEX erasure_request_one_execution ON erasure_request_decisions (request_id) WHERE decision = 'executed'");
    for (const table of TABLES) await makeAppendOnly(queryRunner, table);
    await queryRunner.query(`REVOKE ALL ON ${TABLES.join(', ')} FROM PUBLIC`);
    await queryRunner.query(`GRANT SELECT, INSERT ON ${TABLES.join(', ')} TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT USAGE ON SEQUENCE retention_list_decisions_decision_id_seq, erasure_request_decisions_decision_id_seq TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
