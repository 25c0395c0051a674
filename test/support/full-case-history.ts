import { randomUUID } from 'node:crypto';
import { caseEvent, type NewCaseEvent } from '../../src/domain/case.events';
import { SYSTEM_ACTOR, type Actor } from '../../src/domain/case.vocabulary';
import { domainText, literalText } from '../../src/domain/domain-text';
import { ESCALATION_REASONS } from '../../src/domain/escalation-reasons';
import type { SupportRequest } from '../../src/domain/support-request';
import type { EventStore } from '../../src/event-store/event-store.port';
import { COORDINATOR, aSupportRequest, requestReceived } from './case-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Options for a generated history: when it starts, and how many extra concerns pad its preparation. */
export interface FullHistoryOptions {
  readonly startAt?: string;
  readonly extraConcerns?: number;
}

/**
 * Every stage of a case as its people would record it, from the request to the closure: a declined offer, a second
 * round, tasks, a raised risk with its escalation, an intervention and two follow-ups, in workflow-time order.
 */
export function aFullCaseHistory(request: SupportRequest = aSupportRequest(), options: FullHistoryOptions = {}): NewCaseEvent[] {
  const start = Date.parse(options.startAt ?? '2027-03-01T09:00:00.000Z');
  const at = (offset: number) => new Date(start + offset).toISOString();
  const [lead, declining, support] = [randomUUID(), randomUUID(), randomUUID()];
  const expert = (id: string): Actor => ({ role: 'expert', id });
  const offered = (offerId: string, expertId: string, round: number, offset: number) => caseEvent('ExpertOffered', {
    offerId, expertId, expertName: `Expert ${expertId.slice(0, 4)}`, round, expiresAt: at(offset + 4 * HOUR),
  }, SYSTEM_ACTOR, at(offset));
  const concerns = Array.from({ length: options.extraConcerns ?? 0 }, (_, n) =>
    caseEvent('ConcernRaised', { expertId: support, concern: `signal ${n + 1} from the neighbourhood` }, expert(support), at(2 * DAY + (n + 2) * 1_000)));
  return [
    requestReceived(request, at(0)),
    caseEvent('IntakeAssessed', { riskLevel: 'MEDIUM', score: 3, reasons: [domainText('risk.expected_attendance', { count: 200 })] }, SYSTEM_ACTOR, at(1_000)),
    caseEvent('RequestAccepted', {}, COORDINATOR, at(HOUR)),
    offered('offer-1-1', lead, 1, HOUR + 1_000),
    offered('offer-1-2', declining, 1, HOUR + 1_000),
    caseEvent('OfferDeclined', { offerId: 'offer-1-2', expertId: declining, reason: 'on holiday' }, expert(declining), at(2 * HOUR)),
    caseEvent('OfferAccepted', { offerId: 'offer-1-1', expertId: lead }, expert(lead), at(3 * HOUR)),
    offered('offer-2-1', support, 2, 3 * HOUR + 1_000),
    caseEvent('OfferAccepted', { offerId: 'offer-2-1', expertId: support }, expert(support), at(4 * HOUR)),
    caseEvent('TeamAssembled', {
      members: [{ expertId: lead, name: `Expert ${lead.slice(0, 4)}`, role: 'lead' }, { expertId: support, name: `Expert ${support.slice(0, 4)}`, role: 'support' }],
    }, SYSTEM_ACTOR, at(4 * HOUR + 1_000)),
    caseEvent('PreparatorySessionScheduled', { scheduledAt: at(5 * DAY) }, COORDINATOR, at(DAY)),
    caseEvent('TaskAssigned', { taskId: 'task-1', templateId: 'security-plan', title: domainText('task.security_plan'), assigneeId: lead, dueAt: at(4 * DAY) }, SYSTEM_ACTOR, at(DAY + 1_000)),
    caseEvent('TaskAssigned', { taskId: 'task-2', templateId: 'stakeholder-map', title: domainText('task.stakeholder_map'), assigneeId: support, dueAt: at(4 * DAY) }, SYSTEM_ACTOR, at(DAY + 1_000)),
    caseEvent('RiskLevelChanged', { from: 'MEDIUM', to: 'HIGH', reason: literalText('threats on social media') }, COORDINATOR, at(2 * DAY)),
    caseEvent('EscalationRaised', {
      escalationId: 'esc-1', trigger: 'riskRaised', subject: 'risk:HIGH', reason: ESCALATION_REASONS.riskRaised('MEDIUM', 'HIGH', literalText('threats on social media')),
      level: 1, target: 'dutyCoordinator', ackDeadline: at(2 * DAY + HOUR),
    }, SYSTEM_ACTOR, at(2 * DAY + 1_000)),
    ...concerns,
    caseEvent('EscalationAcknowledged', { escalationId: 'esc-1', level: 1 }, COORDINATOR, at(2 * DAY + HOUR / 2)),
    caseEvent('EscalationResolved', { escalationId: 'esc-1', outcome: 'acknowledged' }, COORDINATOR, at(2 * DAY + HOUR / 2)),
    caseEvent('TaskCompleted', { taskId: 'task-1', outcome: 'two exits, one unlit' }, expert(lead), at(3 * DAY)),
    caseEvent('TaskCompleted', { taskId: 'task-2', outcome: 'three action groups' }, expert(support), at(3 * DAY + HOUR)),
    caseEvent('PreparatorySessionHeld', { outcomes: 'Scenario agreed with the mayor' }, expert(lead), at(5 * DAY)),
    caseEvent('InterventionReported', { outcome: 'tense', notes: 'shouting, no violence' }, expert(lead), at(10 * DAY)),
    caseEvent('FollowUpScheduled', { followUpId: 'day-7', dueAt: at(17 * DAY) }, SYSTEM_ACTOR, at(10 * DAY + 1_000)),
    caseEvent('FollowUpScheduled', { followUpId: 'day-30', dueAt: at(40 * DAY) }, SYSTEM_ACTOR, at(10 * DAY + 1_000)),
    caseEvent('FollowUpCompleted', { followUpId: 'day-7', ongoingRisk: true, notes: 'some signals' }, expert(lead), at(17 * DAY)),
    caseEvent('FollowUpCompleted', { followUpId: 'day-30', ongoingRisk: false, notes: 'quiet again' }, expert(lead), at(40 * DAY)),
    caseEvent('CaseEvaluated', { summary: 'Support was effective' }, COORDINATOR, at(41 * DAY)),
    caseEvent('CaseClosed', {}, COORDINATOR, at(41 * DAY + HOUR)),
  ];
}

/** How a generated history is recorded: a few events per append as a workflow would, unless told otherwise. */
export interface RecordOptions extends FullHistoryOptions {
  readonly eventsPerAppend?: number;
}

/** Records a generated full history through the event store. */
export async function recordFullCase(eventStore: EventStore, options: RecordOptions = {}): Promise<{ caseId: string; events: NewCaseEvent[] }> {
  const request = aSupportRequest();
  const events = aFullCaseHistory(request, options);
  const batch = options.eventsPerAppend ?? 3;
  for (let from = 0; from < events.length; from += batch) {
    await eventStore.append({
      caseId: request.caseId, expectedVersion: from, events: events.slice(from, from + batch), idempotencyKey: randomUUID(),
      causation: { workflowId: `case-${request.caseId}`, runId: 'generated', activityId: String(from / batch + 1) },
    });
  }
  return { caseId: request.caseId, events };
}
