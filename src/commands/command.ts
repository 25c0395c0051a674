import type { BrigadeConfig } from '../config/brigade-config';

/** Where a command writes its lines, so that a test can read what it said. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
  /** Whether `err` goes to a terminal, so that a command may draw progress there. */
  readonly interactive?: boolean;
}

/** One `brigade <name>` command. */
export interface Command {
  readonly summary: string;
  /** The arguments after the command's name, as the usage line shows them. */
  readonly usage: string;
  /** Runs the command and resolves with its exit code. */
  run(args: readonly string[], config: BrigadeConfig, output: CliOutput): Promise<number>;
}

/** Thrown for arguments a command cannot use; the command line answers with the usage and exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
