import type { UserRole } from '../../src/domain/user-role';
import type { CaseState } from '../../src/domain/case.state';
import type { BenchContext } from './bench-context';
import { expectStatus, sendJson } from './bench-http';
import { pause } from './concurrency';

/** What the people on a case do next: take a decision, leave the workflow to its own steps for a moment, or nothing (closed). */
export type NextMove =
  | { readonly kind: 'decide'; readonly path: string; readonly role: UserRole; readonly subject: string; readonly body: object }
  | { readonly kind: 'wait' }
  | { readonly kind: 'closed' };

/** How long a simulated person looks away before reading the case again. */
export const LOOK_AGAIN_MS = 50;

/** The move that carries a case without an event date along its full path: accept, staff, prepare, report, follow up, close. */
export function nextMove(state: CaseState): NextMove {
  const decide = (path: string, role: UserRole, subject: string, body: object = {}): NextMove =>
    ({ kind: 'decide', path: `/cases/${state.caseId}${path}`, role, subject, body });
  const coordinator = (path: string, body: object = {}) => decide(path, 'coordinator', 'c.bench', body);
  const lead = state.team.find((member) => member.role === 'lead')?.expertId;
  const [escalation] = state.openEscalations;
  if (escalation && state.stage !== 'Closed') return coordinator(`/escalations/${escalation.escalationId}/acknowledge`);
  switch (state.stage) {
    case 'Triage':
      return coordinator('/triage', { decision: 'accept' });
    case 'Matching': {
      const [offer] = state.openOffers;
      return offer ? decide(`/offers/${offer.offerId}/accept`, 'expert', offer.expertId) : { kind: 'wait' };
    }
    case 'Preparation': {
      const task = state.tasks.find((t) => t.status === 'open');
      // An open task nobody holds yet waits for its assignment before anyone can complete it.
      if (task) return task.assigneeId ? decide(`/tasks/${task.taskId}/complete`, 'expert', task.assigneeId, { outcome: `${task.title}: gereed` }) : { kind: 'wait' };
      return state.session && lead ? decide('/session/held', 'expert', lead, { outcomes: 'Rolverdeling en draaiboek vastgesteld' }) : { kind: 'wait' };
    }
    case 'Intervention':
      return lead ? decide('/intervention', 'expert', lead, { outcome: 'calm', notes: 'De avond verliep rustig' }) : { kind: 'wait' };
    case 'FollowUp': {
      const due = state.followUps.find((f) => f.status === 'scheduled');
      return due && lead ? decide(`/follow-ups/${due.followUpId}`, 'expert', lead, { ongoingRisk: false, notes: 'Geen nieuwe signalen' }) : { kind: 'wait' };
    }
    case 'Evaluation':
      return state.evaluation === null ? coordinator('/evaluation', { summary: 'Tijdig en passend ondersteund' }) : coordinator('/close', { summary: 'Afgerond' });
    case 'Closed':
      return { kind: 'closed' };
    case 'Intake':
      return { kind: 'wait' };
    default:
      throw new Error(`case ${state.caseId} reached ${state.stage}, which a bench case never should`);
  }
}

/** Registers a request through the API and takes every decision on it until it is closed; records each decision's latency. */
export async function walkCaseToClosure(ctx: BenchContext, body: object, decisionLatenciesMs: number[]): Promise<{ caseId: string; decisions: number }> {
  const coordinator = ctx.bearer('coordinator', 'c.bench');
  const registered = await expectStatus([201], ctx.apiUrl, 'POST', '/cases', coordinator, body);
  const caseId = registered.body.caseId as string;
  const read = async (): Promise<CaseState | null> => (await expectStatus([200], ctx.apiUrl, 'GET', `/cases/${caseId}`, coordinator)).body.live;
  let decisions = 0;
  let state = await read();
  const giveUpAt = Date.now() + 300_000;
  while (Date.now() < giveUpAt) {
    const move: NextMove = state ? nextMove(state) : { kind: 'wait' };
    if (move.kind === 'closed') return { caseId, decisions };
    if (move.kind === 'wait') {
      await pause(LOOK_AGAIN_MS);
      state = await read();
      continue;
    }
    const started = performance.now();
    const answer = await sendJson(ctx.apiUrl, 'POST', move.path, ctx.bearer(move.role, move.subject), move.body);
    if (answer.status === 200) {
      decisionLatenciesMs.push(performance.now() - started);
      decisions++;
      state = answer.body as CaseState;
    } else if (answer.status === 409) {
      // The workflow had moved on (an offer withdrawn once the team was complete): read the case again.
      await pause(LOOK_AGAIN_MS);
      state = await read();
    } else {
      throw new Error(`POST ${move.path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
    }
  }
  throw new Error(`case ${caseId} was not closed within 300 s; it is in ${state?.stage}`);
}
