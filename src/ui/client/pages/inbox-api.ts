import type { InterventionOutcome } from '../../../domain/case.vocabulary';
import type { CaseState } from '../../../domain/case.state';
import type { InboxCase, InboxOffer, InboxTask } from '../../../api-contracts/expert-inbox.contract';
import { apiGet, apiPost } from '../api';
import { soonestDueFirst } from './inbox-urgency';

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
