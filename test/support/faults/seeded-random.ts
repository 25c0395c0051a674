import { randomInt } from 'node:crypto';

/** A small deterministic random source (mulberry32): the same seed replays the same choices, so a failed run can be repeated. */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A seed from `BRIGADE_FAULT_SEED` when a run is being repeated, otherwise a fresh one. */
  static seedFrom(env: NodeJS.ProcessEnv): number {
    const given = env.BRIGADE_FAULT_SEED;
    if (given === undefined || given === '') return randomInt(2 ** 31);
    const seed = Number(given);
    if (!Number.isInteger(seed) || seed < 0) throw new Error(`BRIGADE_FAULT_SEED must be a non-negative integer, got "${given}"`);
    return seed;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number from `min` to `max`, both included. */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One of the items. */
  pick<T>(items: readonly T[]): T {
    return items[this.between(0, items.length - 1)];
  }

  /** The items in a random order. */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.between(0, i);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}
