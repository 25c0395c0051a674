import type { CaseCategory, CaseStage, InterventionOutcome, RiskLevel, SafetyRegion, TeamRole } from '../../../domain/case.vocabulary';
import { apiGet, apiPost } from '../api';

/** What falls due next in a case: an offer expires, a task or follow-up is due, an escalation needs acknowledging. */
export interface InboxDeadline {
  readonly at: string;
  readonly kind: 'offer' | 'task' | 'escalation' | 'followUp';
  /** The id of the offer, task, escalation or follow-up. */
  readonly id: string;
}

/** An offer of `GET /me/offers`: a case waiting for this expert's yes or no. */
export interface InboxOffer {
  readonly offerId: string;
  readonly caseId: string;
  readonly category: CaseCategory;
  readonly municipality: string;
  readonly safetyRegion: SafetyRegion;
  readonly riskLevel: RiskLevel | null;
  readonly eventDate: string | null;
  readonly round: number;
  readonly expiresAt: string;
}

/** An open task of `GET /me/tasks`. */
export interface InboxTask {
  readonly taskId: string;
  readonly caseId: string;
  readonly title: string;
  readonly dueAt: string;
  readonly stage: CaseStage;
  readonly category: CaseCategory;
  readonly municipality: string;
  readonly eventDate: string | null;
}

/** A case of `GET /me/cases`: the expert's part in it and what falls due next. */
export interface InboxCase {
  readonly caseId: string;
  readonly role: TeamRole;
  readonly stage: CaseStage;
  readonly category: CaseCategory;
  readonly municipality: string;
  readonly safetyRegion: SafetyRegion;
  readonly riskLevel: RiskLevel | null;
  readonly eventDate: string | null;
  readonly nextDeadline: InboxDeadline | null;
}

/** Everything the inbox shows, loaded together so that the three lists agree with each other. */
export interface Inbox {
  readonly offers: readonly InboxOffer[];
  readonly tasks: readonly InboxTask[];
  readonly cases: readonly InboxCase[];
}

/** Loads the signed-in expert's offers, tasks and cases. */
export async function loadInbox(signal: AbortSignal): Promise<Inbox> {
  const [offers, tasks, cases] = await Promise.all([
    apiGet<InboxOffer[]>('/me/offers', { signal }),
    apiGet<InboxTask[]>('/me/tasks', { signal }),
    apiGet<InboxCase[]>('/me/cases', { signal }),
  ]);
  return { offers, tasks, cases };
}

const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;

/** The decisions and reports an expert sends from the inbox; each answers with the case state, which the inbox reloads anyway. */
export const inboxActions = {
  acceptOffer: (offer: InboxOffer) => apiPost(`${casePath(offer.caseId)}/offers/${encodeURIComponent(offer.offerId)}/accept`, {}),
  declineOffer: (offer: InboxOffer, reason: string) =>
    apiPost(`${casePath(offer.caseId)}/offers/${encodeURIComponent(offer.offerId)}/decline`, reason.trim() ? { reason } : {}),
  completeTask: (task: InboxTask, outcome: string) =>
    apiPost(`${casePath(task.caseId)}/tasks/${encodeURIComponent(task.taskId)}/complete`, { outcome }),
  holdSession: (caseId: string, outcomes: string) => apiPost(`${casePath(caseId)}/session/held`, { outcomes }),
  reportIntervention: (caseId: string, outcome: InterventionOutcome | '', notes: string) =>
    apiPost(`${casePath(caseId)}/intervention`, { outcome, notes }),
  completeFollowUp: (caseId: string, followUpId: string, ongoingRisk: boolean, notes: string) =>
    apiPost(`${casePath(caseId)}/follow-ups/${encodeURIComponent(followUpId)}`, { ongoingRisk, notes }),
};
