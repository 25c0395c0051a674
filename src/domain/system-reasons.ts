import { domainText, type DomainText } from './domain-text';
import { sentenceText } from './legacy-sentences';

/** The reasons the workflow records on its own when it withdraws an offer or a task, hands a task back or removes a member. */
export const SYSTEM_REASONS = {
  expertDeactivated: domainText('reason.expert_deactivated'),
  assignedByHand: domainText('reason.assigned_by_hand'),
  teamComplete: domainText('reason.team_complete'),
  caseCancelled: domainText('reason.case_cancelled'),
  sessionHeldWithoutTask: domainText('reason.session_held_without_task'),
} as const satisfies Record<string, DomainText>;

/** Why an offer was withdrawn from an expert in conflict with the case, from the conflict `conflictOfInterest` names. */
export function conflictOfInterestReason(conflict: string): DomainText {
  // Matching words the conflict as an English sentence for its refusals; the sentence table knows each one's code.
  return domainText('reason.conflict_of_interest', { conflict: sentenceText(conflict) });
}
