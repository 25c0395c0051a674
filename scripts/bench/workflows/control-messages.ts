import { defineQuery, defineUpdate } from '@temporalio/workflow';

/** What a control case is given: how many system steps it runs, and how many decisions it waits for between them. */
export interface ControlCaseInput {
  readonly systemSteps: number;
  readonly decisions: number;
  /** Carried but unused, so that a control start sends as much as a real registration. */
  readonly payload?: unknown;
}

/** A decision on a control case: runs one no-op activity and answers with the number of decisions taken. */
export const takeDecision = defineUpdate<number, [string]>('takeDecision');

/** How many decisions the control case is ready for: its system steps before them have all run. */
export const decisionsReady = defineQuery<number>('decisionsReady');
