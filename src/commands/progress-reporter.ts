import { Presets, SingleBar } from 'cli-progress';
import type { CliOutput } from './command';

/** Shows how far a long command has come, and stops showing it when the command is done. */
export interface ProgressReporter {
  update(done: number, payload: { readonly events: number }): void;
  stop(): void;
}

/**
 * A bar drawn on the terminal when stderr is one; otherwise a line on stderr every tenth of the way, since a log
 * file or CI output cannot redraw a bar.
 */
export function progressReporter(output: CliOutput, total: number, noun: string): ProgressReporter {
  if (output.interactive) {
    const bar = new SingleBar({
      stream: process.stderr,
      format: `{bar} {percentage}% | {value}/{total} ${noun} | {events} events | {eta_formatted} left`,
      hideCursor: true,
    }, Presets.shades_classic);
    bar.start(total, 0, { events: 0 });
    return { update: (done, payload) => bar.update(done, payload), stop: () => bar.stop() };
  }
  let reportedTenths = 0;
  return {
    update: (done, { events }) => {
      const tenths = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenths <= reportedTenths) return;
      reportedTenths = tenths;
      output.err(`${done}/${total} ${noun} (${Math.round((done / total) * 100)}%), ${events} events`);
    },
    stop: () => undefined,
  };
}
