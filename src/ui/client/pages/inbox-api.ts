import type { CaseCategory, CaseStage, InterventionOutcome, RiskLevel, SafetyRegion, TeamRole } from '../../../domain/case.vocabulary';
import type { CaseState } from '../../../domain/case.state';
import type { DomainText } from '../../../domain/domain-text';
import { apiGet, apiPost } from '../api';
import { soonestDueFirst } from './inbox-urgency';

/** What falls due next in a case: an offer expires, a task or follow-up is due, an escalation needs acknowledging. */
export interface InboxDeadline {
  readonly at: string;
  readonly kind: 'triage' | 'offer' | 'task' | 'escalation' | 'followUp';
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
  /** The code and parameters the screens render; the API's own rendering follows Accept-Language, not the chosen language. */
  readonly title: DomainText;
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

/** A follow-up check-in the lead has still to record. */
export interface InboxFollowUp {
  readonly followUpId: string;
  readonly dueAt: string;
}

/** A case of the inbox, with the follow-up its lead records next when it is in follow-up. */
export interface InboxCaseEntry extends InboxCase {
  readonly followUp: InboxFollowUp | null;
}

/** Everything the inbox shows, loaded together so that the three lists agree with each other. */
export interface Inbox {
  readonly offers: readonly InboxOffer[];
  readonly tasks: readonly InboxTask[];
  readonly cases: readonly InboxCaseEntry[];
}

/** Loads the signed-in expert's offers, tasks and cases, and for the cases they lead in follow-up, the next check-in. */
export async function loadInbox(signal: AbortSignal): Promise<Inbox> {
  const [offers, tasks, cases] = await Promise.all([
    apiGet<InboxOffer[]>('/me/offers', { signal }),
    apiGet<InboxTask[]>('/me/tasks', { signal }),
    apiGet<InboxCase[]>('/me/cases', { signal }),
  ]);
  const withFollowUps = await Promise.all(cases.map(async (item) => ({
    ...item,
    followUp: item.role === 'lead' && item.stage === 'FollowUp' ? await nextFollowUp(item.caseId, signal) : null,
  })));
  return { offers, tasks, cases: withFollowUps };
}

// `GET /me/cases` names only the earliest deadline, which may be an escalation's; the case itself lists its check-ins.
async function nextFollowUp(caseId: string, signal: AbortSignal): Promise<InboxFollowUp | null> {
  const view = await apiGet<{ live: CaseState | null; recorded: CaseState | null }>(casePath(caseId), { signal });
  const open = (view.live ?? view.recorded)?.followUps.filter((f) => f.status === 'scheduled') ?? [];
  const [first] = soonestDueFirst(open, (f) => f.dueAt);
  return first ? { followUpId: first.followUpId, dueAt: first.dueAt } : null;
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
