import type { DataSource } from 'typeorm';
import { FINAL_STAGES } from '../domain/case.vocabulary';

/** The ids of the cases in a final stage whose case workflow's history no HistoryArchived event records yet, oldest first. */
export async function unarchivedEndedCases(dataSource: DataSource): Promise<string[]> {
  const rows = await dataSource.query<Array<{ case_id: string }>>(`
    SELECT c.case_id FROM cases c
     WHERE c.stage = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM case_events e
                        WHERE e.case_id = c.case_id AND e.type = 'HistoryArchived' AND e.data->>'workflowId' = 'case-' || c.case_id)
     ORDER BY c.updated_at, c.case_id`, [FINAL_STAGES]);
  return rows.map((row) => row.case_id);
}
