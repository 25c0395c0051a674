#!/usr/bin/env node
import 'reflect-metadata';
import { auditCommand } from './commands/audit.command';
import { UsageError, type CliOutput, type Command } from './commands/command';
import { seedCommand } from './commands/seed.command';
import { tokenCommand } from './commands/token.command';
import { workflowCommand } from './commands/workflow.command';
import { loadBrigadeConfig } from './config/brigade-config';

export type { CliOutput } from './commands/command';

const COMMANDS: ReadonlyMap<string, Command> = new Map([
  ['audit', auditCommand],
  ['seed', seedCommand],
  ['token', tokenCommand],
  ['workflow', workflowCommand],
]);

const consoleOutput: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  interactive: process.stderr.isTTY,
};

/** Runs one command line (the arguments after `cli.js`) and resolves with the process's exit code. */
export async function runCli(args: readonly string[], env: NodeJS.ProcessEnv = process.env, output = consoleOutput): Promise<number> {
  const [name, ...rest] = args;
  const command = name === undefined ? undefined : COMMANDS.get(name);
  if (!command) {
    output.err(usage());
    return 2;
  }
  try {
    return await command.run(rest, loadBrigadeConfig(env), output);
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`brigade ${name}: ${error.message}\nusage: node dist/src/cli.js ${name} ${command.usage}`.trimEnd());
      return 2;
    }
    output.err(`brigade ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function usage(): string {
  const lines = [...COMMANDS].map(([name, command]) => `  ${`${name} ${command.usage}`.trimEnd()}\n      ${command.summary}`);
  return ['usage: node dist/src/cli.js <command>', '', 'commands:', ...lines].join('\n');
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
