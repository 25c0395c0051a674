import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from './append-only-table';
import { APP_ROLE } from '../database-roles';

/**
 * Creates `workflow_history_archives`: each closed workflow's Temporal history, encoded as Temporal sent it (payloads
 * still encrypted), so that a case stays verifiable after Temporal deletes the history at the end of its retention.
 */
export class ArchiveWorkflowHistories1765100000000 implements MigrationInterface {
  name = 'ArchiveWorkflowHistories1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE workflow_history_archives (
        case_id       uuid        NOT NULL,
        workflow_id   text        NOT NULL,
        run_id        text        NOT NULL,
        workflow_type text        NOT NULL,
        close_status  text        NOT NULL,
        history       bytea       NOT NULL,
        sha256        char(64)    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        event_count   integer     NOT NULL CHECK (event_count >= 1),
        archived_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workflow_id, run_id)
      )`);
    await queryRunner.query('CREATE INDEX workflow_history_archives_case_idx ON workflow_history_archives (case_id)');
    // An archived history is evidence like the events: the database refuses to rewrite or remove it.
    await makeAppendOnly(queryRunner, 'workflow_history_archives');
    // Default privileges cover only tables made by the role that set them; granting here holds whoever migrates.
    await queryRunner.query('REVOKE ALL ON workflow_history_archives FROM PUBLIC');
    await queryRunner.query(`GRANT SELECT, INSERT ON workflow_history_archives TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE workflow_history_archives');
  }
}
