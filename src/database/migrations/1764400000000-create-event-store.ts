import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates the append-only, hash-chained case event log and the `cases` projection. */
export class CreateEventStore1764400000000 implements MigrationInterface {
  name = 'CreateEventStore1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_events (
        position        bigserial PRIMARY KEY,
        case_id         uuid        NOT NULL,
        version         integer     NOT NULL CHECK (version >= 1),
        type            text        NOT NULL,
        schema_version  integer     NOT NULL CHECK (schema_version >= 1),
        data            jsonb       NOT NULL,
        actor_role      text        NOT NULL,
        actor_id        text        NOT NULL,
        occurred_at     timestamptz NOT NULL,
        recorded_at     timestamptz NOT NULL,
        workflow_id     text,
        run_id          text,
        activity_id     text,
        idempotency_key text        NOT NULL,
        prev_hash       char(64)    NOT NULL,
        hash            char(64)    NOT NULL,
        CONSTRAINT case_events_stream_version UNIQUE (case_id, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE case_event_batches (
        idempotency_key text        PRIMARY KEY,
        case_id         uuid        NOT NULL,
        from_version    integer     NOT NULL,
        to_version      integer     NOT NULL,
        recorded_at     timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE cases (
        case_id       uuid        PRIMARY KEY,
        version       integer     NOT NULL,
        stage         text        NOT NULL,
        risk_level    text,
        category      text        NOT NULL,
        municipality  text        NOT NULL,
        safety_region text        NOT NULL,
        state         jsonb       NOT NULL,
        last_hash     char(64)    NOT NULL,
        created_at    timestamptz NOT NULL,
        updated_at    timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX cases_stage_idx ON cases (stage, updated_at DESC)`);
    // History is evidence: the database itself refuses to rewrite or remove it.
    await queryRunner.query(`
      CREATE FUNCTION refuse_history_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['case_events', 'case_event_batches']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE cases');
    await queryRunner.query('DROP TABLE case_event_batches');
    await queryRunner.query('DROP TABLE case_events');
    await queryRunner.query('DROP FUNCTION refuse_history_rewrite()');
  }
}
