import type { WorkflowHandle } from '@temporalio/client';
import type { CaseState } from '../../src/domain/case.state';
import type { Actor, InterventionOutcome } from '../../src/domain/case.vocabulary';
import type { CreateExpertDto } from '../../src/experts/dto/create-expert.dto';
import {
  cancelCase, closeCase, completeFollowUp, completeTask, evaluateCase, getCase, holdSession, reportIntervention, respondToOffer, triage,
} from '../../workflows/messages';
import { DAY } from '../../src/domain/durations';
import type { SupportRequest } from '../../src/domain/support-request';
import { COORDINATOR, aSupportRequest } from './case-fixtures';
import type { WorkflowHarness } from './workflow-harness';
import { SealedFieldsOpener } from '../../src/field-encryption/sealed-fields-opener';

/** The actor of an expert. */
export const expert = (expertId: string): Actor => ({ role: 'expert', id: expertId });

let expertSequence = 0;

/** Registers experts in the harness's pool; every expert gets its own name and email. */
export async function anExpertPool(harness: WorkflowHarness, specs: Array<Partial<CreateExpertDto>>): Promise<string[]> {
  const ids: string[] = [];
  for (const spec of specs) {
    const n = ++expertSequence;
    const created = await harness.experts.create({
      name: `Expert ${String(n).padStart(3, '0')}`, email: `expert${n}-${Date.now()}@brigade.test`,
      categories: ['SHELTER_SUPPORT', 'CITIZEN_MEETING', 'THREAT_TO_OFFICIAL', 'INCIDENT'],
      skills: ['security', 'communication', 'mediation', 'stakeholderEngagement', 'psychosocialAftercare', 'crisisManagement'],
      homeMunicipalityCode: 'GM0344', safetyRegion: 'utrecht', capacity: 10, languages: ['nl'],
      ...spec,
    } as CreateExpertDto);
    ids.push(created.expertId);
  }
  return ids;
}

/** Starts a case whose event is ten days from the test server's current time, and a driver for it. */
export async function startCase(harness: WorkflowHarness, overrides: Partial<SupportRequest> = {}): Promise<CaseDriver> {
  const eventDate = new Date((await harness.env.currentTimeMs()) + 10 * DAY).toISOString();
  const request = aSupportRequest({ eventDate, ...overrides });
  const handle = await harness.env.client.workflow.start('supportCase', {
    workflowId: `case-${request.caseId}`, taskQueue: harness.taskQueue, args: [{ request, registeredBy: COORDINATOR }],
  });
  return new CaseDriver(handle, harness);
}

/** Drives one case workflow the way its people would, waiting for the workflow between steps. */
export class CaseDriver {
  constructor(readonly handle: WorkflowHandle, private readonly harness: WorkflowHarness) {}

  /** The live state from the workflow's query. */
  async state(): Promise<CaseState> {
    const state = await this.handle.query(getCase);
    if (!state) throw new Error('the case has no state yet');
    return state;
  }

  /** The recorded events of this case, oldest first, with their sealed fields opened as a coordinator reads them. */
  async events() {
    const stored = await this.harness.eventStore.readStream(this.handle.workflowId.replace(/^case-/, ''));
    return new SealedFieldsOpener(this.harness.db.keyStore).openEvents(stored);
  }

  /** The recorded events of one type. */
  async eventsOf(type: string) {
    return (await this.events()).filter((event) => event.type === type);
  }

  /** The types of the recorded events, in order. */
  async types(): Promise<string[]> {
    return (await this.events()).map((event) => event.type);
  }

  /** Polls the query until `predicate` holds; the workflow progresses in real time between timer skips. */
  async waitFor(predicate: (state: CaseState) => boolean, what: string, timeoutMs = 20_000): Promise<CaseState> {
    const deadline = Date.now() + timeoutMs;
    let last: CaseState | null = null;
    while (Date.now() < deadline) {
      last = await this.handle.query(getCase);
      if (last && predicate(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(last)}`);
  }

  /** Accepts the request in triage. */
  accept(): Promise<CaseState> {
    return this.handle.executeUpdate(triage, { args: [{ decision: 'accept', actor: COORDINATOR }] });
  }

  /** Lets every offered expert accept until the team is assembled. */
  async acceptOffersUntilTeamAssembled(): Promise<CaseState> {
    for (;;) {
      const state = await this.waitFor((s) => s.openOffers.length > 0 || s.stage !== 'Matching', 'an offer or the team');
      if (state.stage !== 'Matching') return state;
      const [offer] = state.openOffers;
      await this.handle.executeUpdate(respondToOffer, { args: [{ offerId: offer.offerId, response: 'accept', actor: expert(offer.expertId) }] })
        .catch((error: unknown) => {
          // A parallel round withdraws the remaining offers once the team is complete.
          if (!String((error as Error).cause ?? error).includes('not open')) throw error;
        });
    }
  }

  /** Has every assignee complete their open tasks, then the lead records the session. */
  async prepareAndHoldSession(): Promise<CaseState> {
    const state = await this.waitFor((s) => s.tasks.length > 0, 'the preparation tasks');
    for (const task of state.tasks.filter((t) => t.status === 'open')) {
      await this.handle.executeUpdate(completeTask, { args: [{ taskId: task.taskId, outcome: `Task ${task.taskId} done`, actor: expert(task.assigneeId!) }] });
    }
    return this.handle.executeUpdate(holdSession, { args: [{ outcomes: 'Scenario agreed with the mayor', actor: this.lead(state) }] });
  }

  /** Skips time past the event, then the lead reports on it. */
  async reportAfterEvent(outcome: InterventionOutcome = 'calm'): Promise<CaseState> {
    const state = await this.state();
    if (state.eventDate) {
      const wait = Date.parse(state.eventDate) - (await this.harness.env.currentTimeMs()) + 60_000;
      if (wait > 0) await this.harness.env.sleep(wait);
    }
    return this.handle.executeUpdate(reportIntervention, { args: [{ outcome, notes: 'Evening went as planned', actor: this.lead(state) }] });
  }

  /** Completes every follow-up as it falls due, skipping the time in between. */
  async completeFollowUps(ongoingRisk = false): Promise<CaseState> {
    let state = await this.waitFor((s) => s.followUps.length > 0, 'the follow-ups');
    for (;;) {
      const next = state.followUps.find((f) => f.status === 'scheduled');
      if (!next) return state;
      const wait = Date.parse(next.dueAt) - (await this.harness.env.currentTimeMs());
      if (wait > 0) await this.harness.env.sleep(wait);
      state = await this.handle.executeUpdate(completeFollowUp, { args: [{ followUpId: next.followUpId, ongoingRisk, notes: 'No new signals', actor: this.lead(state) }] });
    }
  }

  /** The coordinator evaluates and closes the case. */
  async evaluateAndClose(): Promise<CaseState> {
    await this.handle.executeUpdate(evaluateCase, { args: [{ summary: 'Support was effective', actor: COORDINATOR }] });
    return this.handle.executeUpdate(closeCase, { args: [{ actor: COORDINATOR }] });
  }

  /**
   * Cancels the case and waits for the workflow to end and its histories to be archived, so no timers or tasks are left
   * behind for later tests: the time-skipping server does not skip time while a task waits for a worker.
   */
  async cancel(reason = 'test finished'): Promise<void> {
    await this.handle.executeUpdate(cancelCase, { args: [{ reason, actor: COORDINATOR }] });
    await this.handle.result();
    await this.awaitArchive();
  }

  /** Waits, while a worker runs, until the workflow the ended case started has archived its histories. */
  awaitArchive(): Promise<void> {
    return this.harness.awaitArchive(this.caseId);
  }

  /** The case's id, from its workflow's id. */
  get caseId(): string {
    return this.handle.workflowId.replace(/^case-/, '');
  }

  /** The actor of the team's lead. */
  lead(state: CaseState): Actor {
    const lead = state.team.find((m) => m.role === 'lead');
    if (!lead) throw new Error('the case has no lead yet');
    return expert(lead.expertId);
  }
}
