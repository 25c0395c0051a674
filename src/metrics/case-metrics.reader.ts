import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeadlineSources } from '../domain/next-deadline';
import { FINAL_STAGES } from '../domain/case.vocabulary';

/** The parts of an open case's state that hold its deadlines (see `nextDeadline`). */
export type CaseDeadlineSources = DeadlineSources;

/** Open escalations at one rung of the ladder. */
export interface OpenEscalationCount {
  readonly level: number;
  readonly target: string;
  readonly count: number;
}

/** Reads the aggregates `/metrics` reports from the `cases` read model, which every append keeps current. */
@Injectable()
export class CaseMetricsReader {
  constructor(private readonly dataSource: DataSource) {}

  /** The number of cases in each stage, counted by the database in one grouped query. */
  async casesByStage(): Promise<Map<string, number>> {
    const rows: Array<{ stage: string; count: number }> = await this.dataSource.query(
      'SELECT stage, count(*)::int AS count FROM cases GROUP BY stage',
    );
    return new Map(rows.map((row) => [row.stage, row.count]));
  }

  /** Escalations still waiting for acknowledgement on open cases, grouped by the rung they are on. */
  async openEscalations(): Promise<OpenEscalationCount[]> {
    return this.dataSource.query(
      `SELECT (escalation->>'level')::int AS level, escalation->>'target' AS target, count(*)::int AS count
         FROM cases CROSS JOIN LATERAL jsonb_array_elements(coalesce(state->'openEscalations', '[]'::jsonb)) AS escalation
        WHERE stage <> ALL($1)
        GROUP BY 1, 2`,
      [FINAL_STAGES],
    );
  }

  /** The deadline-bearing lists of every open case, and nothing else of its state. */
  async openCaseDeadlines(): Promise<CaseDeadlineSources[]> {
    return this.dataSource.query(
      `SELECT case_id AS "caseId", stage, state->>'triageDueAt' AS "triageDueAt", state->'openOffers' AS "openOffers", state->'tasks' AS tasks,
              state->'openEscalations' AS "openEscalations", state->'followUps' AS "followUps"
         FROM cases WHERE stage <> ALL($1)`,
      [FINAL_STAGES],
    );
  }
}
