/**
 * Lets at most `limit` runs of some costly work go at once and queues the rest in order: a verification holds a whole
 * case in memory and several database connections, so ten at once of a long case would take the process down.
 */
export class Turns {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /** Runs `work` once a turn is free, and frees the turn when it settles. */
  async take<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
