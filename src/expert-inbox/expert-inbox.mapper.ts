import { nextDeadline } from '../domain/next-deadline';
import type { CaseState } from '../domain/case.state';
import type { CatalogueLanguage } from '../i18n/catalogue/languages';
import { withRenderedText } from '../i18n/catalogue/render-domain-text';
import type { InboxCase, InboxOffer, InboxTask } from '../api-contracts/expert-inbox.contract';

/** The offers of the given cases that wait for this expert's answer, soonest expiry first. */
export function toInboxOffers(cases: readonly CaseState[], expertId: string): InboxOffer[] {
  return cases
    .flatMap((state) => state.openOffers
      .filter((offer) => offer.expertId === expertId)
      .map((offer) => ({
        offerId: offer.offerId,
        caseId: state.caseId,
        category: state.category,
        municipality: state.municipality,
        safetyRegion: state.safetyRegion,
        riskLevel: state.riskLevel,
        eventDate: state.eventDate,
        round: offer.round,
        expiresAt: offer.expiresAt,
      })))
    .sort((a, b) => soonestFirst(a.expiresAt, b.expiresAt) || tieBreak(a.caseId, b.caseId) || tieBreak(a.offerId, b.offerId));
}

/** The open tasks of the given cases assigned to this expert, soonest due first. */
export function toInboxTasks(cases: readonly CaseState[], expertId: string, language: CatalogueLanguage): InboxTask[] {
  return cases
    .flatMap((state) => state.tasks
      .filter((task) => task.assigneeId === expertId && task.status === 'open')
      .map((task) => ({
        taskId: task.taskId,
        caseId: state.caseId,
        title: withRenderedText(task.title, language),
        templateId: task.templateId,
        dueAt: task.dueAt,
        stage: state.stage,
        category: state.category,
        municipality: state.municipality,
        eventDate: state.eventDate,
      })))
    .sort((a, b) => soonestFirst(a.dueAt, b.dueAt) || tieBreak(a.caseId, b.caseId) || tieBreak(a.taskId, b.taskId));
}

/** The given cases whose team includes this expert, the one with the nearest deadline first and those without one last. */
export function toInboxCases(cases: readonly CaseState[], expertId: string): InboxCase[] {
  return cases
    .flatMap((state) => {
      const member = state.team.find((m) => m.expertId === expertId);
      if (!member) return [];
      return [{
        caseId: state.caseId,
        role: member.role,
        stage: state.stage,
        category: state.category,
        municipality: state.municipality,
        safetyRegion: state.safetyRegion,
        riskLevel: state.riskLevel,
        eventDate: state.eventDate,
        nextDeadline: nextDeadline(state),
      }];
    })
    .sort((a, b) => soonestFirst(a.nextDeadline?.at ?? null, b.nextDeadline?.at ?? null)
      // Among cases with nothing due, the one whose event comes first still needs attention first.
      || soonestFirst(a.eventDate, b.eventDate)
      || tieBreak(a.caseId, b.caseId));
}

// Compared as instants, since recorded times need not share one offset or precision; missing or unreadable times go last.
function soonestFirst(a: string | null, b: string | null): number {
  const [x, y] = [instant(a), instant(b)];
  return x === y ? 0 : x < y ? -1 : 1;
}

function instant(time: string | null): number {
  const parsed = time === null ? Number.NaN : Date.parse(time);
  return Number.isNaN(parsed) ? Number.POSITIVE_INFINITY : parsed;
}

// Equally urgent items still need one order, or the list would shuffle between two calls.
function tieBreak(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
