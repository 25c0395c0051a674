import { setHandler } from '@temporalio/workflow';
import { FOLLOW_UP_RESPONSE_MS, followUpOffsetsDays } from '../../src/domain/case-policy';
import { followUpEscalates, followUpEvents } from '../../src/domain/decide/aftercare-decisions';
import { caseEvent } from '../../src/domain/case.events';
import { SYSTEM_ACTOR } from '../../src/domain/case.vocabulary';
import { DAY, addMs } from '../../src/domain/durations';
import { ESCALATION_REASONS } from '../../src/domain/escalation-reasons';
import { now, type CaseContext } from '../case-context';
import { decideNow } from '../case-decisions';
import type { CaseEscalations } from '../case-escalations';
import { watchDeadlines } from '../deadlines';
import { completeFollowUp, type FollowUpReport } from '../messages';

/** Registers the lead's follow-up check-ins; an ongoing risk schedules another check-in, or escalates. */
export function registerFollowUp(context: CaseContext, escalations: CaseEscalations): void {
  setHandler(completeFollowUp, async ({ followUpId, ongoingRisk, notes, actor }: FollowUpReport) => {
    const command = { type: 'completeFollowUp', followUpId, ongoingRisk, notes } as const;
    let escalate = false;
    // Decided when the step runs, so two check-ins completed at once still see each other; until then the pending
    // state shows this one completed, so it cannot be completed twice.
    const state = await context.journal.recordFrom((current) => {
      escalate = followUpEscalates(current, followUpId, ongoingRisk);
      return followUpEvents(current, command, actor, now());
    }, decideNow(context, command, actor));
    if (escalate) await escalations.raise('riskRaised', 'ongoing-risk', ESCALATION_REASONS.ongoingRisk);
    return state;
  }, {
    validator: ({ followUpId, ongoingRisk, notes, actor }: FollowUpReport) =>
      void decideNow(context, { type: 'completeFollowUp', followUpId, ongoingRisk, notes }, actor),
  });
}

/** Follow-up: schedules the category's check-ins after the event and escalates each one that is overdue. */
export async function followUp(context: CaseContext, escalations: CaseEscalations): Promise<void> {
  const base = context.state.eventDate && Date.parse(context.state.eventDate) <= Date.parse(now())
    ? context.state.eventDate
    : context.state.intervention?.reportedAt ?? now();
  await context.journal.record(...followUpOffsetsDays(context.state.category).map((days) =>
    caseEvent('FollowUpScheduled', { followUpId: `day-${days}`, dueAt: addMs(base, days * DAY) }, SYSTEM_ACTOR, now())));
  await watchDeadlines(context, () => context.stage !== 'FollowUp', () => context.state.followUps
    .filter((f) => f.status === 'scheduled')
    .map((f) => ({
      key: `follow-up:${f.followUpId}`,
      at: addMs(f.dueAt, FOLLOW_UP_RESPONSE_MS),
      onMissed: () => escalations.raise('missedDeadline', `follow-up:${f.followUpId}`, ESCALATION_REASONS.followUpOverdue(f.followUpId)),
    })));
}
