/** A workflow whose current workflow task has failed again and again: it makes no progress until someone steps in. */
export interface StuckWorkflow {
  readonly workflowId: string;
  /** The case the workflow works for (a case workflow or one of its escalation ladders). */
  readonly caseId: string;
  readonly workflowType: string;
  /** The attempt the workflow task is at. */
  readonly attempts: number;
  /** Why the last attempt failed, as the worker reported it to Temporal; null when the history does not say. */
  readonly failure: string | null;
}

/** What the API knows of stuck workflows, from its last look at Temporal. */
export interface StuckWorkflows {
  /** The stuck workflows, oldest look first. */
  all(): readonly StuckWorkflow[];
  /** The highest attempt of any stuck workflow of this case, or null when none of its workflows is stuck. */
  attemptsOfCase(caseId: string): number | null;
}

/** Nest token for the API's view of stuck workflows. */
export const STUCK_WORKFLOWS = Symbol('STUCK_WORKFLOWS');

/** None stuck: for apps under test without a Temporal server. */
export const NO_STUCK_WORKFLOWS: StuckWorkflows = { all: () => [], attemptsOfCase: () => null };
