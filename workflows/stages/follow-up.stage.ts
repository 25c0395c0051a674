import { setHandler } from '@temporalio/workflow';
import { EXTRA_FOLLOW_UP_AFTER_MS, FOLLOW_UP_RESPONSE_MS, MAX_EXTRA_FOLLOW_UPS, followUpOffsetsDays } from '../../src/domain/case-policy';
import { caseEvent } from '../../src/domain/case.events';
import { SYSTEM_ACTOR } from '../../src/domain/case.vocabulary';
import { DAY, addMs } from '../../src/domain/durations';
import { ESCALATION_REASONS } from '../../src/domain/escalation-reasons';
import { conflict, invalid, notFound, now, refuseDeactivated, requireLead, requireStage, requireText, type CaseContext } from '../case-context';
import type { CaseEscalations } from '../case-escalations';
import { watchDeadlines } from '../deadlines';
import { completeFollowUp, type FollowUpReport } from '../messages';

/** Registers the lead's follow-up check-ins; an ongoing risk schedules another check-in, or escalates. */
export function registerFollowUp(context: CaseContext, escalations: CaseEscalations): void {
  // Check-ins being recorded: the same one cannot be completed twice in one moment.
  const completing = new Set<string>();
  setHandler(completeFollowUp, async ({ followUpId, ongoingRisk, notes, actor }: FollowUpReport) => {
    if (completing.has(followUpId)) throw conflict(`follow-up ${followUpId} is already being completed`, 'follow_up_done', { followUpId });
    completing.add(followUpId);
    try {
      let escalate = false;
      // Decided when the step runs, so two check-ins completed at once still see each other.
      const state = await context.journal.recordFrom((current) => {
        const completed = caseEvent('FollowUpCompleted', { followUpId, ongoingRisk, notes: notes.trim() }, actor, now());
        const othersOpen = current.followUps.some((f) => f.status === 'scheduled' && f.followUpId !== followUpId);
        if (!ongoingRisk || othersOpen) return [completed];
        const extras = current.followUps.filter((f) => f.followUpId.startsWith('extra-')).length;
        if (extras < MAX_EXTRA_FOLLOW_UPS) {
          return [completed, caseEvent('FollowUpScheduled', { followUpId: `extra-${extras + 1}`, dueAt: addMs(now(), EXTRA_FOLLOW_UP_AFTER_MS) }, SYSTEM_ACTOR, now())];
        }
        escalate = true;
        return [completed];
      });
      if (escalate) await escalations.raise('riskRaised', 'ongoing-risk', ESCALATION_REASONS.ongoingRisk);
      return state;
    } finally {
      completing.delete(followUpId);
    }
  }, {
    validator: ({ followUpId, ongoingRisk, notes, actor }: FollowUpReport) => {
      requireStage(context, ['FollowUp'], 'a follow-up check-in');
      requireLead(context.state, actor, 'complete a follow-up');
      refuseDeactivated(context, actor);
      const followUp = context.state.followUps.find((f) => f.followUpId === followUpId);
      if (!followUp) throw notFound(`follow-up ${followUpId} is not on this case`, 'follow_up_not_found', { followUpId });
      if (followUp.status !== 'scheduled' || completing.has(followUpId)) throw conflict(`follow-up ${followUpId} is already completed`, 'follow_up_done', { followUpId });
      if (typeof ongoingRisk !== 'boolean') throw invalid('ongoingRisk must be true or false', 'ongoingRisk', 'not_yes_no');
      requireText(notes, 'notes');
    },
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
