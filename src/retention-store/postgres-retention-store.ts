import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ERASURE_SELECT, toErasureRequest, toRetentionList, type ErasureRow, type ListCaseRow, type ListDecisionRow, type ListRow } from './retention.rows';
import type {
  DecisionActor, DestructionEvent, ErasureRequest, NewErasureRequest, ProposedRetentionList, RetentionCandidate, RetentionList, RetentionListDecision,
  RetentionListState, RetentionStore,
} from './retention-store.port';

/** Destruction lists and erasure requests in PostgreSQL, in tables that refuse UPDATE and DELETE. */
@Injectable()
export class PostgresRetentionStore implements RetentionStore {
  constructor(private readonly dataSource: DataSource) {}

  async retentionCandidates(): Promise<RetentionCandidate[]> {
    // A case is a candidate once its own workflow has closed (the archiver recorded it), so that no event the case
    // workflow still appends can collide with the destruction's; a list that was rejected or lapsed gives its cases back.
    // When it ended is read from the event that ended it, which is chained and append-only, not from the read model,
    // which the application's login may write: a forged end date there must not bring a case up early or hide it.
    const rows: Array<{ case_id: string; category: RetentionCandidate['category']; stage: RetentionCandidate['stage']; ended_at: Date }> = await this.dataSource.query(`
      SELECT c.case_id, c.category, c.stage, ending.occurred_at AS ended_at
      FROM cases c
      JOIN LATERAL (
        SELECT e.occurred_at FROM case_events e
         WHERE e.case_id = c.case_id AND e.type IN ('CaseClosed', 'CaseCancelled', 'RequestRejected')
         ORDER BY e.version LIMIT 1) ending ON true
      WHERE c.stage IN ('Closed', 'Cancelled', 'Rejected') AND NOT (c.state ? 'dataDestroyedAt')
        AND EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.case_id AND e.type = 'HistoryArchived' AND e.data->>'workflowId' = 'case-' || c.case_id)
        AND NOT EXISTS (
          SELECT 1 FROM retention_list_cases lc WHERE lc.case_id = c.case_id
            AND NOT EXISTS (SELECT 1 FROM retention_list_decisions d WHERE d.list_id = lc.list_id AND d.decision IN ('rejected', 'expired')))
      ORDER BY ended_at, c.case_id`);
    return rows.map((row) => ({ caseId: row.case_id, category: row.category, stage: row.stage, endedAt: row.ended_at.toISOString() }));
  }

  async proposeList(list: ProposedRetentionList): Promise<RetentionList> {
    await this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO retention_lists (list_id, workflow_id, as_of, rules_source) VALUES ($1, $2, $3, $4)
         ON CONFLICT (list_id) DO NOTHING RETURNING list_id`, [list.listId, list.workflowId, list.asOf, list.rulesSource]);
      if (inserted.length === 0) return;
      for (const c of list.cases) {
        await manager.query(
          `INSERT INTO retention_list_cases (list_id, case_id, category, outcome, ended_at, rule_id, keep_for, action, due_at, key_ids)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [list.listId, c.caseId, c.category, c.outcome, c.endedAt, c.ruleId, c.keepFor, c.action, c.dueAt, c.keyIds]);
      }
    });
    return (await this.findList(list.listId))!;
  }

  async findList(listId: string): Promise<RetentionList | undefined> {
    const [row]: ListRow[] = await this.dataSource.query('SELECT * FROM retention_lists WHERE list_id = $1', [listId]);
    return row ? (await this.withDetails([row]))[0] : undefined;
  }

  async lists(state?: RetentionListState): Promise<RetentionList[]> {
    const rows: ListRow[] = await this.dataSource.query('SELECT * FROM retention_lists ORDER BY proposed_at DESC, list_id');
    const lists = await this.withDetails(rows);
    return state === undefined ? lists : lists.filter((list) => list.state === state);
  }

  async recordListDecision(listId: string, decision: RetentionListDecision['decision'], actor: DecisionActor): Promise<boolean> {
    // The unique indexes refuse a second approval by the same person and a second ending; an approval after the end is refused here.
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO retention_list_decisions (list_id, decision, actor_role, actor_id, actor_name)
       SELECT $1, $2, $3, $4, $5
       WHERE $2 <> 'approved' OR NOT EXISTS (SELECT 1 FROM retention_list_decisions WHERE list_id = $1 AND decision <> 'approved')
       ON CONFLICT DO NOTHING RETURNING decision_id`,
      [listId, decision, actor.role, actor.id, actor.name ?? null]);
    return inserted.length > 0;
  }

  async createErasureRequest(request: NewErasureRequest): Promise<ErasureRequest> {
    await this.dataSource.query(
      `INSERT INTO erasure_requests (request_id, subject_kind, case_id, expert_id, reason, requested_by_role, requested_by_id, requested_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [request.requestId, request.subject.kind, request.subject.caseId ?? null, request.subject.expertId ?? null, request.reason,
        request.requestedBy.role, request.requestedBy.id, request.requestedBy.name ?? null]);
    return (await this.findErasureRequest(request.requestId))!;
  }

  async findErasureRequest(requestId: string): Promise<ErasureRequest | undefined> {
    const [row]: ErasureRow[] = await this.dataSource.query(`${ERASURE_SELECT} WHERE r.request_id = $1`, [requestId]);
    return row ? toErasureRequest(row) : undefined;
  }

  async erasureRequests(): Promise<ErasureRequest[]> {
    const rows: ErasureRow[] = await this.dataSource.query(`${ERASURE_SELECT} ORDER BY r.requested_at DESC, r.request_id`);
    return rows.map(toErasureRequest);
  }

  async decideErasureRequest(requestId: string, decision: 'approved' | 'rejected', actor: DecisionActor): Promise<boolean> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO erasure_request_decisions (request_id, decision, actor_role, actor_id, actor_name) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING decision_id`, [requestId, decision, actor.role, actor.id, actor.name ?? null]);
    return inserted.length > 0;
  }

  async recordErasureExecuted(requestId: string, actor: DecisionActor, keyIds: readonly string[], caseIds: readonly string[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO erasure_request_decisions (request_id, decision, actor_role, actor_id, actor_name, key_ids, case_ids)
       VALUES ($1, 'executed', $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [requestId, actor.role, actor.id, actor.name ?? null, keyIds, caseIds]);
  }

  async destructionEvents(from: string, to: string): Promise<DestructionEvent[]> {
    const rows: Array<{ case_id: string; version: number; type: DestructionEvent['type']; data: Record<string, unknown>; occurred_at: Date; recorded_at: Date }> =
      await this.dataSource.query(
        `SELECT case_id, version, type, data, occurred_at, recorded_at FROM case_events
         WHERE type IN ('CaseDataDestroyed', 'PersonalDataErased') AND occurred_at >= $1 AND occurred_at < $2
         ORDER BY occurred_at, case_id, version`, [from, to]);
    return rows.map((row) => ({
      caseId: row.case_id, version: row.version, type: row.type, data: row.data, occurredAt: row.occurred_at.toISOString(), recordedAt: row.recorded_at.toISOString(),
    }));
  }

  private async withDetails(rows: readonly ListRow[]): Promise<RetentionList[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.list_id);
    const cases: ListCaseRow[] = await this.dataSource.query('SELECT * FROM retention_list_cases WHERE list_id = ANY($1::uuid[]) ORDER BY due_at, case_id', [ids]);
    const decisions: ListDecisionRow[] = await this.dataSource.query(
      'SELECT * FROM retention_list_decisions WHERE list_id = ANY($1::uuid[]) ORDER BY decision_id', [ids]);
    return rows.map((row) => toRetentionList(row, cases.filter((c) => c.list_id === row.list_id), decisions.filter((d) => d.list_id === row.list_id)));
  }
}
