import type { SeededRandom } from './seeded-random';

/** The dependencies the fault test breaks. */
export const FAULT_KINDS = ['worker', 'postgres', 'temporal'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Breaks one dependency and mends it again, resolving once it is back; answers with what exactly it did. */
export type FaultAction = (random: SeededRandom) => Promise<string>;

/** One fault as it happened. */
export interface InjectedFault {
  readonly kind: FaultKind;
  readonly detail: string;
  /** When it struck, in ms since the injector started. */
  readonly atMs: number;
  /** How long until the dependency was back. */
  readonly outageMs: number;
  /** Cases registered but not yet closed when it struck. */
  readonly casesInFlight: number;
}

/** When faults strike: a random pause before each, and the rule that says the run is over. */
export interface FaultSchedule {
  readonly pauseMs: readonly [number, number];
  readonly casesInFlight: () => number;
  readonly finished: () => boolean;
  /** No fault starts after this many ms: a run that faults for as long as cases are open never lets the slowest close. */
  readonly windowMs: number;
  readonly log?: (line: string) => void;
}

/**
 * Strikes faults one at a time at seeded random moments until the run is finished or its window has passed: first each
 * kind once, in a random order, so that every kind is sure to happen while cases are open, then kinds at random.
 */
export async function injectFaults(random: SeededRandom, actions: Record<FaultKind, FaultAction>, schedule: FaultSchedule): Promise<InjectedFault[]> {
  const startedAt = Date.now();
  const firstRound = random.shuffled(FAULT_KINDS);
  const faults: InjectedFault[] = [];
  const over = () => schedule.finished() || Date.now() - startedAt > schedule.windowMs;
  while (await pauseUnlessFinished(random.between(...schedule.pauseMs), over)) {
    const kind = firstRound.shift() ?? random.pick(FAULT_KINDS);
    const atMs = Date.now() - startedAt;
    const casesInFlight = schedule.casesInFlight();
    const detail = await actions[kind](random);
    const fault = { kind, detail, atMs, outageMs: Date.now() - startedAt - atMs, casesInFlight };
    schedule.log?.(`fault at ${(atMs / 1000).toFixed(1)} s: ${kind} (${detail}), back after ${fault.outageMs} ms, ${casesInFlight} cases in flight`);
    faults.push(fault);
  }
  return faults;
}

// Resolves true after the pause, or false as soon as the run is finished.
async function pauseUnlessFinished(ms: number, finished: () => boolean): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (finished()) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(250, until - Date.now())));
  }
  return !finished();
}
