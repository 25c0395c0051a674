import type { CaseState } from '../../../src/domain/case.state';
import { bearer } from '../tokens';
import type { RetryingApi } from './retrying-api';

const COORDINATOR = bearer('coordinator', 'c.fault');
const asExpert = (expertId: string) => bearer('expert', expertId);
// The intervention is refused until the event has taken place by the workflow's clock, which runs a little behind.
const AFTER_EVENT_MS = 1_500;
const POLL_MS = 750;

/** What a person would do next on a case in this state, or how long to leave the workflow to get on with it. */
export type NextStep =
  | { readonly kind: 'act'; readonly what: string; readonly path: string; readonly authorization: string; readonly body: object }
  | { readonly kind: 'wait'; readonly ms: number }
  | { readonly kind: 'closed' };

/** How one case went from request to closure. */
export interface ClosedCase {
  readonly caseId: string;
  /** Decisions the API took. */
  readonly decisions: number;
  /** Decisions refused because the case had moved on meanwhile (a retried step that had already been taken). */
  readonly refusals: number;
  readonly durationMs: number;
}

/** The next step of the full path: triage, offers, escalations, tasks, session, intervention, follow-ups, evaluation, close. */
export function nextStep(state: CaseState, now: number): NextStep {
  const cases = `/cases/${state.caseId}`;
  const lead = state.team.find((member) => member.role === 'lead')?.expertId;
  const act = (what: string, path: string, authorization: string, body: object = {}): NextStep => ({ kind: 'act', what, path: `${cases}${path}`, authorization, body });
  const wait = (ms = POLL_MS): NextStep => ({ kind: 'wait', ms });
  const escalation = state.openEscalations[0];
  if (escalation && state.stage !== 'Closed') {
    return act('acknowledge an escalation', `/escalations/${escalation.escalationId}/acknowledge`, COORDINATOR);
  }
  switch (state.stage) {
    case 'Intake':
      return wait();
    case 'Triage':
      return act('triage', '/triage', COORDINATOR, { decision: 'accept' });
    case 'Matching': {
      const offer = state.openOffers[0];
      return offer ? act('accept an offer', `/offers/${offer.offerId}/accept`, asExpert(offer.expertId)) : wait();
    }
    case 'Preparation': {
      // The session cannot be held with lead time before so near an event: wait for that escalation, as a coordinator would.
      if (state.escalationCount === 0) return wait();
      const task = state.tasks.find((t) => t.status === 'open');
      if (task) return act('complete a task', `/tasks/${task.taskId}/complete`, asExpert(task.assigneeId!), { outcome: `${task.title}: klaar` });
      return act('record the session', '/session/held', asExpert(lead!), { outcomes: 'Draaiboek en rolverdeling afgesproken' });
    }
    case 'Intervention': {
      const until = Date.parse(state.eventDate!) + AFTER_EVENT_MS;
      return now < until ? wait(until - now) : act('report the intervention', '/intervention', asExpert(lead!), { outcome: 'calm', notes: 'Rustig verlopen' });
    }
    case 'FollowUp': {
      const followUp = state.followUps.find((f) => f.status === 'scheduled');
      return followUp
        ? act('complete a follow-up', `/follow-ups/${followUp.followUpId}`, asExpert(lead!), { ongoingRisk: false, notes: 'Geen signalen' })
        : wait();
    }
    case 'Evaluation':
      return state.evaluation === null
        ? act('evaluate', '/evaluation', COORDINATOR, { summary: 'Goede voorbereiding, rustige avond' })
        : act('close', '/close', COORDINATOR, { summary: 'Afgerond' });
    case 'Closed':
      return { kind: 'closed' };
    default:
      throw new Error(`case ${state.caseId} ended in stage ${state.stage}, not Closed`);
  }
}

/**
 * Registers a request and takes every decision on it until the case is closed, re-reading the case whenever a
 * decision is refused because the case had already moved on; gives up after `giveUpAfterMs`.
 */
export async function driveCaseToClosure(
  api: RetryingApi, request: object, idempotencyKey: string, giveUpAfterMs: number, onRegistered: (caseId: string) => void,
): Promise<ClosedCase> {
  const startedAt = Date.now();
  const registered = await api.send('POST', '/cases', COORDINATOR, request, { 'Idempotency-Key': idempotencyKey });
  if (registered.status !== 201 && registered.status !== 200) throw new Error(`registration answered ${registered.status}: ${JSON.stringify(registered.body)}`);
  const caseId = registered.body.caseId as string;
  onRegistered(caseId);

  const read = async (): Promise<CaseState | null> => {
    const answer = await api.send('GET', `/cases/${caseId}`, COORDINATOR);
    if (answer.status !== 200) throw new Error(`reading case ${caseId} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.live as CaseState | null;
  };

  let decisions = 0;
  let refusals = 0;
  let state = await read();
  for (;;) {
    if (Date.now() - startedAt > giveUpAfterMs) {
      throw new Error(`case ${caseId} was not closed within ${giveUpAfterMs} ms; it is in stage ${state?.stage ?? 'unknown'}: ${JSON.stringify(state)}`);
    }
    const step: NextStep = state ? nextStep(state, Date.now()) : { kind: 'wait', ms: POLL_MS };
    if (step.kind === 'closed') return { caseId, decisions, refusals, durationMs: Date.now() - startedAt };
    if (step.kind === 'wait') {
      await new Promise((resolve) => setTimeout(resolve, step.ms));
      state = await read();
      continue;
    }
    const answer = await api.send('POST', step.path, step.authorization, step.body);
    if (answer.status === 200) {
      decisions++;
      state = answer.body as CaseState;
    } else if (answer.status === 409 || answer.status === 404) {
      // A retried decision that had already taken effect, or an offer or escalation that was settled meanwhile.
      refusals++;
      // The step that moved the case on may still be on its way to the database: give it a moment before looking again.
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      state = await read();
    } else {
      throw new Error(`${step.what} on case ${caseId} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
  }
}
