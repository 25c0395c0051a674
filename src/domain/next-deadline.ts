import type { CaseState } from './case.state';
import { FINAL_STAGES } from './case.vocabulary';

/** What a deadline can belong to. */
export const DEADLINE_KINDS = ['triage', 'offer', 'task', 'escalation', 'followUp'] as const;

/** The open deadline that falls first, and what it belongs to. */
export interface NextDeadline {
  readonly at: string;
  readonly kind: (typeof DEADLINE_KINDS)[number];
  /** The offer, task, escalation or follow-up; for triage, the case itself. */
  readonly id: string;
}

/** The parts of a case's state that hold its deadlines. */
export type DeadlineSources = Pick<CaseState, 'caseId' | 'stage' | 'triageDueAt' | 'openOffers' | 'tasks' | 'openEscalations' | 'followUps'>;

/** The earliest of a case's triage deadline while it waits for triage, open offers' expiry, open tasks' due date, open escalations' acknowledgement deadline and scheduled follow-ups' due date; null when nothing is open or the case has ended. */
export function nextDeadline(state: DeadlineSources): NextDeadline | null {
  // An ended case keeps its scheduled follow-ups in its state, but nobody is waiting for them any more.
  if (FINAL_STAGES.includes(state.stage)) return null;
  // Rows projected by older versions of the case state may lack some of these lists.
  const candidates: NextDeadline[] = [
    ...(state.stage === 'Triage' && state.triageDueAt ? [{ at: state.triageDueAt, kind: 'triage' as const, id: state.caseId }] : []),
    ...(state.openOffers ?? []).map((o) => ({ at: o.expiresAt, kind: 'offer' as const, id: o.offerId })),
    ...(state.tasks ?? []).filter((t) => t.status === 'open').map((t) => ({ at: t.dueAt, kind: 'task' as const, id: t.taskId })),
    ...(state.openEscalations ?? []).map((e) => ({ at: e.ackDeadline, kind: 'escalation' as const, id: e.escalationId })),
    ...(state.followUps ?? []).filter((f) => f.status === 'scheduled').map((f) => ({ at: f.dueAt, kind: 'followUp' as const, id: f.followUpId })),
  ].filter((deadline) => !Number.isNaN(Date.parse(deadline.at)));
  if (candidates.length === 0) return null;
  // Compared as instants, since the recorded strings need not share one offset or precision.
  const earliest = candidates.reduce((first, d) => (Date.parse(d.at) < Date.parse(first.at) ? d : first));
  return { ...earliest, at: new Date(earliest.at).toISOString() };
}
