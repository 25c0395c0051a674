import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadBrigadeConfig, type BrigadeConfig } from './config/brigade-config';
import { brigadeDataSourceOptions } from './database/data-source-options';
import type { EmbeddedDatabase } from './database/embedded-postgres';
import { seedExperts } from './experts/seed-experts';

/** Where a command writes its lines, so that a test can read what it said. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

interface Command {
  readonly summary: string;
  run(config: BrigadeConfig, output: CliOutput): Promise<void>;
}

const COMMANDS: ReadonlyMap<string, Command> = new Map([
  ['seed', { summary: 'add the demo expert pool to the database; experts already present are skipped', run: seed }],
]);

const consoleOutput: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Runs one command line (the arguments after `cli.js`) and resolves with the process's exit code. */
export async function runCli(args: readonly string[], env: NodeJS.ProcessEnv = process.env, output = consoleOutput): Promise<number> {
  const command = args.length === 1 ? COMMANDS.get(args[0]) : undefined;
  if (!command) {
    output.err(usage());
    return 2;
  }
  try {
    await command.run(loadBrigadeConfig(env), output);
    return 0;
  } catch (error) {
    output.err(`brigade ${args[0]}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function usage(): string {
  const lines = [...COMMANDS].map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}`);
  return ['usage: node dist/src/cli.js <command>', '', 'commands:', ...lines].join('\n');
}

async function seed(config: BrigadeConfig, output: CliOutput): Promise<void> {
  const { created, skipped } = await withDatabase(config, (dataSource) => seedExperts(dataSource));
  output.out(`seeded ${created} experts (${skipped} already present)`);
}

async function withDatabase<T>(config: BrigadeConfig, use: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const embedded = config.databaseUrl ? undefined : await startEmbedded(config);
  try {
    // migrationsRun is on, so initialising brings the schema up to date before anything is written.
    const dataSource = await new DataSource(brigadeDataSourceOptions(config.databaseUrl ?? embedded!.url)).initialize();
    try {
      return await use(dataSource);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await embedded?.stop();
  }
}

async function startEmbedded(config: BrigadeConfig): Promise<EmbeddedDatabase> {
  // Loaded only when needed: a run against DATABASE_URL has no use for it, and jest cannot load its ES module.
  const { startEmbeddedPostgres } = await import('./database/embedded-postgres.js');
  try {
    return await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort });
  } catch (error) {
    throw new Error(`cannot start the embedded PostgreSQL in ${config.dataDir}. If Brigade is running on it, stop ` +
      `Brigade first, or set DATABASE_URL to the database to use. (${error instanceof Error ? error.message : String(error)})`);
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
