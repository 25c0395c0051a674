import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CaseState } from '../domain/case.state';
import { FINAL_STAGES, type CaseStage } from '../domain/case.vocabulary';
import { CaseProjectionRow } from '../database/case-projection.row';
import type {
  CaseDeadlineSources, CaseListQuery, CaseProjection, CaseProjectionPage, CaseReadModel, OpenEscalationCount, Participation,
} from './case-read-model.port';
import { OPEN_CASES_OF_EXPERT } from './open-cases-of-expert';
import { PARTICIPATION, participatingCasesQuery } from './participation-conditions';

const FIND_CASE = `SELECT case_id AS "caseId", version, stage, risk_level AS "riskLevel", category, municipality,
       municipality_code AS "municipalityCode", safety_region AS "safetyRegion", state, last_hash AS "lastHash",
       created_at AS "createdAt", updated_at AS "updatedAt"
  FROM cases WHERE case_id = $1`;

/** The case read model over PostgreSQL's `cases` table, which every append keeps current. */
@Injectable()
export class PostgresCaseReadModel implements CaseReadModel {
  constructor(private readonly dataSource: DataSource) {}

  async find(caseId: string): Promise<CaseProjection | null> {
    // Plain SQL: the case page reads one row per view, and the ORM's query building and hydration cost more than the row.
    const rows = await this.dataSource.query<CaseProjection[]>(FIND_CASE, [caseId]);
    return rows[0] ?? null;
  }

  async page(query: CaseListQuery): Promise<CaseProjectionPage> {
    const { page, pageSize } = query;
    const builder = this.dataSource.getRepository(CaseProjectionRow).createQueryBuilder('c')
      .orderBy('c.updatedAt', 'DESC')
      // Cases changed in the same instant still need one order, or a page boundary could repeat or skip one.
      .addOrderBy('c.caseId', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    if (query.stage !== undefined) builder.andWhere('c.stage = :stage', { stage: query.stage });
    if (query.risk !== undefined) builder.andWhere('c.riskLevel = :risk', { risk: query.risk });
    if (query.category !== undefined) builder.andWhere('c.category = :category', { category: query.category });
    if (query.region !== undefined) builder.andWhere('c.safetyRegion = :region', { region: query.region });
    if (query.municipalityCode !== undefined) builder.andWhere('c.municipalityCode = :code', { code: query.municipalityCode });
    const [rows, total] = await builder.getManyAndCount();
    return { rows, total };
  }

  async participating(expertId: string, as: Participation, excludedStages: readonly CaseStage[]): Promise<CaseState[]> {
    const rows: Array<{ state: CaseState }> = await this.dataSource.query(participatingCasesQuery(PARTICIPATION[as]), [expertId, excludedStages]);
    return rows.map((row) => row.state);
  }

  async openCasesOf(expertId: string): Promise<string[]> {
    const rows: Array<{ case_id: string }> = await this.dataSource.query(OPEN_CASES_OF_EXPERT, [expertId, FINAL_STAGES]);
    return rows.map((row) => row.case_id);
  }

  async endedCasesWithUnarchivedHistory(): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ case_id: string }>>(`
    SELECT c.case_id FROM cases c
     WHERE c.stage = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM case_events e
                        WHERE e.case_id = c.case_id AND e.type = 'HistoryArchived' AND e.data->>'workflowId' = 'case-' || c.case_id)
     ORDER BY c.updated_at, c.case_id`, [FINAL_STAGES]);
    return rows.map((row) => row.case_id);
  }

  async casesByStage(): Promise<Map<string, number>> {
    const rows: Array<{ stage: string; count: number }> = await this.dataSource.query(
      'SELECT stage, count(*)::int AS count FROM cases GROUP BY stage',
    );
    return new Map(rows.map((row) => [row.stage, row.count]));
  }

  openEscalations(): Promise<OpenEscalationCount[]> {
    return this.dataSource.query(
      `SELECT (escalation->>'level')::int AS level, escalation->>'target' AS target, count(*)::int AS count
         FROM cases CROSS JOIN LATERAL jsonb_array_elements(coalesce(state->'openEscalations', '[]'::jsonb)) AS escalation
        WHERE stage <> ALL($1)
        GROUP BY 1, 2`,
      [FINAL_STAGES],
    );
  }

  openCaseDeadlines(): Promise<CaseDeadlineSources[]> {
    return this.dataSource.query(
      `SELECT case_id AS "caseId", stage, state->>'triageDueAt' AS "triageDueAt", state->'openOffers' AS "openOffers", state->'tasks' AS tasks,
              state->'openEscalations' AS "openEscalations", state->'followUps' AS "followUps"
         FROM cases WHERE stage <> ALL($1)`,
      [FINAL_STAGES],
    );
  }
}
