import type { CaseCommand } from '../../domain/case-command';
import { decide } from '../../domain/case-decider';
import type { CaseRefusalCode } from '../../domain/case-refusal-codes';
import type { CaseState } from '../../domain/case.state';
import { CASE_STAGES, FINAL_STAGES, RISK_LEVELS, type Actor, type CaseStage } from '../../domain/case.vocabulary';
import type { CodedText } from '../../i18n/catalogue/codes';

/** The decisions a coordinator can send a case. */
export type CoordinatorAction =
  | 'triage' | 'assign' | 'appointLead' | 'returnedTasks' | 'scheduleSession' | 'holdSession' | 'changeRisk' | 'evaluate' | 'close' | 'cancel';

// Refusals that say the case is not where the action belongs. Other refusals (an expert in conflict, a text too short)
// depend on what the coordinator fills in, come back from the API and are shown as they are.
const STAGE_REFUSALS: readonly CaseRefusalCode[] = ['wrong_stage', 'case_ended', 'triage_decided', 'team_complete', 'session_not_scheduled', 'already_evaluated', 'evaluation_needed'];

// Refusals that only the case's own progress lifts: the page withholds the action and says what it waits for.
const WAITING_REFUSALS: readonly CaseRefusalCode[] = ['escalations_open'];

// Whoever looks at the page decides as a coordinator; what the probes fill in is only there to get past the text rules.
const COORDINATOR: Actor = { role: 'coordinator', id: 'screen' };
const TEXT = 'probe';

/** An action the case's stage allows but its state holds back for now, with the refusal that says why. */
export interface WithheldAction {
  readonly action: CoordinatorAction;
  readonly reason: CodedText<CaseRefusalCode>;
}

/**
 * What a coordinator may do with the case right now: each action whose command `decide` would not refuse for where the
 * case stands, so that the page offers no form the workflow would turn away.
 */
export function coordinatorActions(state: CaseState): CoordinatorAction[] {
  return judgedActions(state).flatMap(({ action, verdict }) => (verdict === 'offered' ? [action] : []));
}

/** The actions the stage allows but the case holds back (a closure while escalations are open), each with its reason. */
export function withheldActions(state: CaseState): WithheldAction[] {
  return judgedActions(state).flatMap(({ action, verdict }) => (verdict === 'offered' || verdict === 'hidden' ? [] : [{ action, reason: verdict }]));
}

type Verdict = 'offered' | 'hidden' | CodedText<CaseRefusalCode>;

function judgedActions(state: CaseState): Array<{ action: CoordinatorAction; verdict: Verdict }> {
  if (FINAL_STAGES.includes(state.stage)) return [];
  const otherLevel = RISK_LEVELS.find((level) => level !== (state.riskLevel ?? 'MEDIUM'))!;
  const returnedTasks = state.tasks.filter((task) => task.status === 'open' && task.assigneeId === null);
  // The page offers a new lead only to a team that has none (after its lead left); decide would also let one be replaced.
  const leaderless = !state.team.some((member) => member.role === 'lead');
  const probes: ReadonlyArray<[CoordinatorAction, readonly CaseCommand[]]> = [
    ['triage', [{ type: 'triage', decision: 'accept' }]],
    ['assign', [{ type: 'assignExpert', expertId: `${TEXT}-expert` }]],
    ['appointLead', leaderless ? state.team.map((member) => ({ type: 'appointLead', expertId: member.expertId }) as const) : []],
    ['returnedTasks', returnedTasks.map((task) => ({ type: 'completeTask', taskId: task.taskId, outcome: TEXT }) as const)],
    ['scheduleSession', [{ type: 'scheduleSession', scheduledAt: 'later' }]],
    ['holdSession', [{ type: 'holdSession', outcomes: TEXT }]],
    ['evaluate', [{ type: 'evaluateCase', summary: TEXT }]],
    ['close', [{ type: 'closeCase' }]],
    ['changeRisk', [{ type: 'changeRisk', level: otherLevel, reason: TEXT }]],
    ['cancel', [{ type: 'cancelCase', reason: TEXT }]],
  ];
  return probes.flatMap(([action, commands]) => {
    const verdicts = commands.map((command) => verdictOn(state, command));
    const verdict = verdicts.find((v) => v === 'offered') ?? verdicts.find((v) => v !== 'hidden');
    return verdict === undefined ? [] : [{ action, verdict }];
  });
}

function verdictOn(state: CaseState, command: CaseCommand): Verdict {
  // The page cannot know the team size matching set: during matching it offers assignment, afterwards the team counts
  // as complete (a team left short is the workflow's to judge when the coordinator tries).
  const teamTarget = state.stage === 'Matching' ? undefined : state.team.length;
  const decision = decide(state, command, COORDINATOR, state.updatedAt, { teamTarget });
  if (decision.outcome === 'accepted') return 'offered';
  const code = decision.refusal.detail.code as CaseRefusalCode;
  if (STAGE_REFUSALS.includes(code)) return 'hidden';
  return WAITING_REFUSALS.includes(code) ? { code, params: decision.refusal.detail.params } : 'offered';
}

/** The stages a case goes through when nothing stops it, in order: the progress line. */
export const STAGE_LINE: readonly CaseStage[] = CASE_STAGES.filter((stage) => stage === 'Closed' || !FINAL_STAGES.includes(stage));

/** Where one stage of the progress line stands for a case. */
export type StepStatus = 'done' | 'current' | 'todo' | 'stopped';

/** One step of the progress line. */
export interface ProgressStep {
  readonly stage: CaseStage;
  readonly status: StepStatus;
}

/**
 * The progress line of a case: stages before the current one done, the current one current, the rest to do. A
 * rejected or cancelled case stops at the stage it was in (`stoppedAt`), which is marked as stopped; what follows is
 * left to do, and the ending itself is shown after the line.
 */
export function progressLine(stage: CaseStage, stoppedAt: CaseStage | null): ProgressStep[] {
  const ended = stage === 'Rejected' || stage === 'Cancelled';
  const reached = ended ? STAGE_LINE.indexOf(stoppedAt ?? 'Intake') : STAGE_LINE.indexOf(stage);
  return STAGE_LINE.map((step, index) => {
    if (index < reached) return { stage: step, status: 'done' };
    if (index === reached) return { stage: step, status: ended ? 'stopped' : 'current' };
    return { stage: step, status: 'todo' };
  });
}
