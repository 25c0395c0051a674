import type { CaseState } from '../../domain/case.state';
import { CASE_STAGES, FINAL_STAGES, type CaseStage } from '../../domain/case.vocabulary';

/** The decisions a coordinator can send a case. */
export type CoordinatorAction =
  | 'triage' | 'assign' | 'appointLead' | 'returnedTasks' | 'scheduleSession' | 'holdSession' | 'changeRisk' | 'evaluate' | 'close' | 'cancel';

// Stages in which a team exists and a deactivated lead's place can be given to another member.
const TEAM_STAGES: readonly CaseStage[] = ['Matching', 'Preparation', 'Intervention', 'FollowUp', 'Evaluation'];

/**
 * What a coordinator may do with the case right now, by the same stage rules as the workflow's validators, so that
 * the page offers no form the workflow would turn away for its stage. (Other refusals, such as a team that is already
 * complete, come back from the API and are shown as they are.)
 */
export function coordinatorActions(state: CaseState): CoordinatorAction[] {
  if (FINAL_STAGES.includes(state.stage)) return [];
  const actions: CoordinatorAction[] = [];
  if (state.stage === 'Intake' || state.stage === 'Triage') actions.push('triage');
  if (state.stage === 'Matching') actions.push('assign');
  // A team whose lead was deactivated has members but no lead: the coordinator appoints one.
  if (TEAM_STAGES.includes(state.stage) && state.team.length > 0 && !state.team.some((member) => member.role === 'lead')) actions.push('appointLead');
  // Tasks that came back from a deactivated expert are the coordinator's to complete or pass on.
  if (state.stage === 'Preparation' && state.tasks.some((task) => task.status === 'open' && task.assigneeId === null)) actions.push('returnedTasks');
  if (state.stage === 'Preparation' && !state.session?.heldAt) {
    actions.push('scheduleSession');
    if (state.session) actions.push('holdSession');
  }
  if (state.stage === 'Evaluation') actions.push(state.evaluation === null ? 'evaluate' : 'close');
  actions.push('changeRisk', 'cancel');
  return actions;
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
