import type { Pool } from 'pg';
import { pause } from './concurrency';

/** Waits until every one of the cases has been recorded in one of the stages, so that no work of theirs spills into the next measurement. */
export async function waitForStages(pool: Pool, caseIds: readonly string[], stages: readonly string[], timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query('SELECT count(*)::int AS count FROM cases WHERE case_id = ANY($1::uuid[]) AND stage = ANY($2::text[])', [caseIds, stages]);
    if (rows[0].count === caseIds.length) return;
    if (Date.now() > deadline) throw new Error(`only ${rows[0].count} of ${caseIds.length} cases reached ${stages.join(' or ')} within ${timeoutMs} ms`);
    await pause(200);
  }
}
