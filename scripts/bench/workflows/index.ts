import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ControlActivities } from '../control.activities';
import { decisionsReady, takeDecision, type ControlCaseInput } from './control-messages';

const { doNothing } = proxyActivities<ControlActivities>({ startToCloseTimeout: '30 seconds' });

/** Starts and ends at once: the bare cost of starting a workflow, the baseline for `POST /cases`. */
export async function noopCase(_input: ControlCaseInput): Promise<void> {
  // Nothing: the baseline is the start itself and one workflow task.
}

/**
 * The shape of a case without its content: runs of system steps (no-op activities), each followed by a decision (an
 * update that runs one no-op activity), like a case that records, waits for a person, records again. Without
 * decisions to come it stays open after its first run of steps.
 */
export async function controlCase(input: ControlCaseInput): Promise<number> {
  let taken = 0;
  let ready = 0;
  setHandler(decisionsReady, () => ready);
  setHandler(takeDecision, async () => {
    await doNothing();
    return ++taken;
  });
  const runs = input.decisions + 1;
  for (let run = 0; run < runs; run++) {
    // The steps are spread evenly over the runs, the first runs taking the remainder.
    const steps = Math.floor(input.systemSteps / runs) + (run < input.systemSteps % runs ? 1 : 0);
    for (let step = 0; step < steps; step++) await doNothing();
    if (run === input.decisions) break;
    ready = run + 1;
    await condition(() => taken > run);
  }
  return taken;
}
