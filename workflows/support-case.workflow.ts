import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { CaseActivities } from '../activities';
import { caseEvent } from '../src/domain/case.events';
import type { CaseState } from '../src/domain/case.state';
import { SYSTEM_ACTOR, type Actor, type CaseStage } from '../src/domain/case.vocabulary';
import { CaseJournal } from './case-journal';
import {
  CASE_FAILURE, closeCase, getCase, triage,
  type CloseCaseRequest, type SupportCaseInput, type SupportCaseOutcome, type TriageDecision,
} from './messages';

const { assessIntake } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** One support request, carried from intake through triage to closure. */
export async function supportCase({ request, registeredBy }: SupportCaseInput): Promise<SupportCaseOutcome> {
  const journal = new CaseJournal(request.caseId);
  setHandler(getCase, () => journal.state);
  registerTriage(journal);
  registerClosure(journal);

  await intake(journal, { request, registeredBy });
  await condition(() => stageOf(journal) !== 'Triage');
  if (stageOf(journal) === 'Accepted') await condition(() => stageOf(journal) === 'Closed');

  // Let a running update finish answering its caller before the workflow completes.
  await condition(allHandlersFinished);
  const { stage, version } = journal.state!;
  return { caseId: request.caseId, stage, version };
}

async function intake(journal: CaseJournal, { request, registeredBy }: SupportCaseInput): Promise<void> {
  await journal.record(caseEvent('RequestReceived', { request }, registeredBy, now()));
  const assessment = await assessIntake(request);
  await journal.record(caseEvent('IntakeAssessed', assessment, SYSTEM_ACTOR, now()));
}

function registerTriage(journal: CaseJournal): void {
  let decided = false;
  setHandler(triage, async ({ decision, reason, actor }: TriageDecision): Promise<CaseState> => {
    // Checked again here: two decisions can pass their validators before either is recorded.
    if (decided) throw conflict('a triage decision has already been made for this case');
    decided = true;
    // A decision may arrive while intake is still assessing the risk; it takes effect once triage opens.
    await condition(() => stageOf(journal) === 'Triage');
    const event = decision === 'accept'
      ? caseEvent('RequestAccepted', reason ? { note: reason } : {}, actor, now())
      : caseEvent('RequestRejected', { reason: reason!.trim() }, actor, now());
    return journal.record(event);
  }, {
    validator: (input: TriageDecision) => {
      requireCoordinator(input?.actor);
      if (input.decision !== 'accept' && input.decision !== 'reject') {
        throw invalid(`decision must be "accept" or "reject", got ${JSON.stringify(input.decision)}`);
      }
      if (input.decision === 'reject' && !input.reason?.trim()) throw invalid('a rejection needs a reason');
      const stage = stageOf(journal);
      if (decided || (stage !== undefined && stage !== 'Intake' && stage !== 'Triage')) {
        throw conflict(`case is in stage ${stageOf(journal) ?? 'Intake'} and is not waiting for a triage decision`);
      }
    },
  });
}

function registerClosure(journal: CaseJournal): void {
  let closing = false;
  setHandler(closeCase, async ({ summary, actor }: CloseCaseRequest): Promise<CaseState> => {
    if (closing) throw conflict('the case is already being closed');
    closing = true;
    return journal.record(caseEvent('CaseClosed', summary ? { summary } : {}, actor, now()));
  }, {
    validator: (input: CloseCaseRequest) => {
      requireCoordinator(input?.actor);
      if (closing || stageOf(journal) !== 'Accepted') {
        throw conflict(`case is in stage ${stageOf(journal) ?? 'Intake'} and cannot be closed now`);
      }
    },
  });
}

function requireCoordinator(actor: Actor | undefined): void {
  if (actor?.role !== 'coordinator' || !actor.id) {
    throw ApplicationFailure.create({ type: CASE_FAILURE.forbidden, message: 'only a coordinator may do this', nonRetryable: true });
  }
}

function stageOf(journal: CaseJournal): CaseStage | undefined {
  return journal.state?.stage;
}

function conflict(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: CASE_FAILURE.conflict, message, nonRetryable: true });
}

function invalid(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: CASE_FAILURE.invalidInput, message, nonRetryable: true });
}

// Workflow time: deterministic, and the same on every replay.
function now(): string {
  return new Date().toISOString();
}
