import { domainText, type DomainText } from './domain-text';
import type { ConflictOfInterest } from './matching';

/** The reasons the workflow records on its own when it withdraws an offer or a task, hands a task back or removes a member. */
export const SYSTEM_REASONS = {
  expertDeactivated: domainText('reason.expert_deactivated'),
  assignedByHand: domainText('reason.assigned_by_hand'),
  teamComplete: domainText('reason.team_complete'),
  caseCancelled: domainText('reason.case_cancelled'),
  sessionHeldWithoutTask: domainText('reason.session_held_without_task'),
} as const satisfies Record<string, DomainText>;

const CONFLICT_CODES = { own_municipality: 'conflict.lives_in_municipality', declared_conflict: 'conflict.declared' } as const;

/** Why an offer was withdrawn from an expert in conflict with the case, by the kind of conflict. */
export function conflictOfInterestReason(conflict: ConflictOfInterest): DomainText {
  return domainText('reason.conflict_of_interest', { conflict: domainText(CONFLICT_CODES[conflict]) });
}
