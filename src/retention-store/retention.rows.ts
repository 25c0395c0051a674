import { isFullyApproved } from '../domain/retention/four-eyes';
import type { CaseCategory } from '../domain/case.vocabulary';
import type { ErasureReason, ErasureSubjectKind } from '../domain/retention/erasure';
import type { RetentionAction, RetentionOutcome } from '../domain/retention/retention-rules';
import type { ErasureRequest, RetentionList, RetentionListCase, RetentionListDecision, RetentionListState } from './retention-store.port';

/** A `retention_lists` row. */
export interface ListRow { list_id: string; workflow_id: string; as_of: Date; rules_source: string; proposed_at: Date }
/** A `retention_list_cases` row. */
export interface ListCaseRow {
  list_id: string; case_id: string; category: CaseCategory; outcome: RetentionOutcome; ended_at: Date; rule_id: string; keep_for: string;
  action: RetentionAction; due_at: Date; key_ids: string[];
}
/** A `retention_list_decisions` row. */
export interface ListDecisionRow { list_id: string; decision: RetentionListDecision['decision']; actor_role: string; actor_id: string; actor_name: string | null; occurred_at: Date }
/** An `erasure_requests` row with its decisions folded in. */
export interface ErasureRow {
  request_id: string; subject_kind: ErasureSubjectKind; case_id: string | null; expert_id: string | null; reason: ErasureReason;
  requested_by_role: string; requested_by_id: string; requested_by_name: string | null; requested_at: Date;
  decision: 'approved' | 'rejected' | null; decided_by_role: string | null; decided_by_id: string | null; decided_by_name: string | null;
  decided_at: Date | null; executed: boolean; key_ids: string[] | null; case_ids: string[] | null;
}

/** The list with its cases and decisions, its state read from the decisions. */
export function toRetentionList(row: ListRow, cases: readonly ListCaseRow[], decisions: readonly ListDecisionRow[]): RetentionList {
  const approvedBy = decisions.filter((d) => d.decision === 'approved').map((d) => d.actor_id);
  return {
    listId: row.list_id, workflowId: row.workflow_id, asOf: row.as_of.toISOString(), rulesSource: row.rules_source,
    proposedAt: row.proposed_at.toISOString(), state: listState(decisions, approvedBy), approvedBy,
    cases: cases.map(toListCase),
    decisions: decisions.map((d) => ({
      decision: d.decision, actor: { role: d.actor_role, id: d.actor_id, name: d.actor_name }, occurredAt: d.occurred_at.toISOString(),
    })),
  };
}

function listState(decisions: readonly ListDecisionRow[], approvedBy: readonly string[]): RetentionListState {
  const ending = decisions.find((d) => d.decision !== 'approved');
  if (ending) return ending.decision as RetentionListState;
  return isFullyApproved(approvedBy) ? 'approved' : 'proposed';
}

function toListCase(row: ListCaseRow): RetentionListCase {
  return {
    caseId: row.case_id, category: row.category, outcome: row.outcome, endedAt: row.ended_at.toISOString(), ruleId: row.rule_id,
    keepFor: row.keep_for, action: row.action, dueAt: row.due_at.toISOString(), keyIds: row.key_ids,
  };
}

/** The erasure request as the port answers it. */
export function toErasureRequest(row: ErasureRow): ErasureRequest {
  return {
    requestId: row.request_id,
    subject: row.subject_kind === 'officeHolder' ? { kind: 'officeHolder', caseId: row.case_id! } : { kind: 'expert', expertId: row.expert_id! },
    reason: row.reason,
    requestedBy: { role: row.requested_by_role, id: row.requested_by_id, name: row.requested_by_name },
    requestedAt: row.requested_at.toISOString(),
    state: row.executed ? 'executed' : row.decision ?? 'requested',
    decidedBy: row.decided_by_id === null ? null : { role: row.decided_by_role!, id: row.decided_by_id, name: row.decided_by_name },
    decidedAt: row.decided_at?.toISOString() ?? null,
    keyIds: row.key_ids ?? [],
    caseIds: row.case_ids ?? [],
  };
}

/** The columns that `toErasureRequest` reads, over `erasure_requests r`. */
export const ERASURE_SELECT = `
  SELECT r.*, d.decision, d.actor_role AS decided_by_role, d.actor_id AS decided_by_id, d.actor_name AS decided_by_name,
         d.occurred_at AS decided_at, x.request_id IS NOT NULL AS executed, x.key_ids, x.case_ids
  FROM erasure_requests r
  LEFT JOIN erasure_request_decisions d ON d.request_id = r.request_id AND d.decision IN ('approved', 'rejected')
  LEFT JOIN erasure_request_decisions x ON x.request_id = r.request_id AND x.decision = 'executed'`;
