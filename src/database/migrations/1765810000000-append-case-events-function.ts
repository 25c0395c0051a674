import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPEND_FUNCTION, VERSION_CONFLICT_SQLSTATE } from '../case-append-schema';
import { APP_ROLE } from '../database-roles';

/**
 * Creates the function that records one append in one statement, so that an append costs one round trip and one commit:
 * it claims the idempotency key, checks the expected version under the stream's row lock, inserts the events (hashed
 * by the store beforehand), writes the `cases` read model and takes the transparency log's leaves, all or nothing.
 */
export class AppendCaseEventsFunction1765810000000 implements MigrationInterface {
  name = 'AppendCaseEventsFunction1765810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // SECURITY INVOKER (the default): the function can do nothing the calling login could not do statement by statement,
    // and every trigger on the tables (append-only, chain link, the log's growth) still guards each row.
    await queryRunner.query(`
      CREATE FUNCTION ${APPEND_FUNCTION}(
        p_case_id uuid, p_expected_version integer, p_idempotency_key text, p_recorded_at timestamptz,
        p_workflow_id text, p_run_id text, p_activity_id text, p_events jsonb, p_occurred_at timestamptz[],
        p_state jsonb, p_stage text, p_risk_level text, p_category text, p_municipality text, p_safety_region text,
        p_municipality_code text
      ) RETURNS TABLE (batch_case_id uuid, batch_from_version integer, batch_to_version integer, deduplicated boolean)
      LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        event_count constant integer := jsonb_array_length(p_events);
        last_version constant integer := p_expected_version + event_count;
        head_hash constant text := p_events -> -1 ->> 'hash';
        stream_version integer;
        first_leaf bigint;
      BEGIN
        -- Claiming the key first makes a concurrent retry wait here until the first attempt commits or rolls back.
        INSERT INTO case_event_batches (idempotency_key, case_id, from_version, to_version, recorded_at)
        VALUES (p_idempotency_key, p_case_id, p_expected_version + 1, last_version, p_recorded_at)
        ON CONFLICT (idempotency_key) DO NOTHING;
        IF NOT FOUND THEN
          RETURN QUERY SELECT b.case_id, b.from_version, b.to_version, true FROM case_event_batches b WHERE b.idempotency_key = p_idempotency_key;
          RETURN;
        END IF;

        SELECT c.version INTO stream_version FROM cases c WHERE c.case_id = p_case_id FOR UPDATE;
        IF NOT FOUND AND p_expected_version = 0 THEN
          -- A new stream has no row to lock: the read model's primary key makes a second first append wait for the first
          -- to commit, and then find its version.
          INSERT INTO cases (case_id, version, stage, risk_level, category, municipality, safety_region, state, last_hash,
                             created_at, updated_at, municipality_code)
          VALUES (p_case_id, last_version, p_stage, p_risk_level, p_category, p_municipality, p_safety_region, p_state, head_hash,
                  p_recorded_at, p_recorded_at, p_municipality_code)
          ON CONFLICT (case_id) DO NOTHING RETURNING 0 INTO stream_version;
          IF stream_version IS NULL THEN
            SELECT c.version INTO stream_version FROM cases c WHERE c.case_id = p_case_id;
          END IF;
        END IF;
        IF coalesce(stream_version, 0) <> p_expected_version THEN
          RAISE EXCEPTION 'version conflict on case %: expected version %, but the stream is at %',
            p_case_id, p_expected_version, coalesce(stream_version, 0)
            USING ERRCODE = '${VERSION_CONFLICT_SQLSTATE}', DETAIL = coalesce(stream_version, 0)::text;
        END IF;
        IF p_expected_version > 0 THEN
          UPDATE cases SET version = last_version, stage = p_stage, risk_level = p_risk_level, category = p_category,
                 municipality = p_municipality, safety_region = p_safety_region, state = p_state, last_hash = head_hash,
                 updated_at = p_recorded_at, municipality_code = p_municipality_code
           WHERE case_id = p_case_id;
        END IF;

        -- In the array's order, which is version order: the chain guard checks each row against the one inserted before it.
        -- The times come apart, as timestamps: the driver spells years past 9999 and BC as PostgreSQL reads them, JSON does not.
        INSERT INTO case_events (case_id, version, type, schema_version, data, actor_role, actor_id, actor_name, actor_via,
                                 occurred_at, recorded_at, workflow_id, run_id, activity_id, idempotency_key, prev_hash, hash)
        SELECT p_case_id, e.version, e.type, e.schema_version, e.data, e.actor_role, e.actor_id, e.actor_name, e.actor_via,
               p_occurred_at[e.version - p_expected_version], p_recorded_at, p_workflow_id, p_run_id, p_activity_id, p_idempotency_key, e.prev_hash, e.hash
        FROM jsonb_to_recordset(p_events) AS e(version integer, type text, schema_version integer, data jsonb, actor_role text,
             actor_id text, actor_name text, actor_via text, prev_hash text, hash text);

        -- The log's counter is locked last and held until commit: the next append gets its indices only after this one
        -- committed, so the committed leaves are always a gap-free prefix in commit order.
        UPDATE transparency_log_head SET tree_size = tree_size + event_count RETURNING tree_size - event_count INTO first_leaf;
        INSERT INTO transparency_log_leaves (leaf_index, case_id, version, event_hash)
        SELECT first_leaf + e.version - p_expected_version - 1, p_case_id, e.version, e.hash
        FROM jsonb_to_recordset(p_events) AS e(version integer, hash text);

        RETURN QUERY SELECT p_case_id, p_expected_version + 1, last_version, false;
      END $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION ${APPEND_FUNCTION} FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${APPEND_FUNCTION} TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION ${APPEND_FUNCTION}`);
  }
}
