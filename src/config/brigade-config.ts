import * as path from 'node:path';

/** The roles one Brigade binary can run as. */
export const RUNTIME_ROLES = ['all', 'api', 'worker'] as const;
export type RuntimeRole = (typeof RUNTIME_ROLES)[number];

/** Thrown when an environment variable holds a value Brigade cannot use. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Brigade's typed configuration; the only place that reads environment variables. */
export class BrigadeConfig {
  constructor(
    readonly role: RuntimeRole,
    readonly httpPort: number,
    readonly httpHost: string,
    readonly dataDir: string,
    /** External PostgreSQL; when absent an embedded one runs under `dataDir`. */
    readonly databaseUrl: string | undefined,
    readonly embeddedPostgresPort: number,
    /** External Temporal frontend; when absent a dev server runs under `dataDir`. */
    readonly temporalAddress: string | undefined,
    readonly temporalNamespace: string,
    readonly taskQueue: string,
    readonly devServerPort: number,
    readonly devServerUiPort: number,
    readonly temporalCliPath: string | undefined,
    readonly logLevel: 'error' | 'warn' | 'log' | 'debug',
  ) {}

  /** Whether this process serves HTTP. */
  get runsApi(): boolean {
    return this.role === 'all' || this.role === 'api';
  }

  /** Whether this process runs the Temporal worker. */
  get runsWorker(): boolean {
    return this.role === 'all' || this.role === 'worker';
  }
}

/** Reads Brigade's configuration from the environment, failing with a message that names the bad variable. */
export function loadBrigadeConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): BrigadeConfig {
  return new BrigadeConfig(
    oneOf(env, 'BRIGADE_ROLE', RUNTIME_ROLES, 'all'),
    port(env, 'PORT', 3000),
    env.BRIGADE_HTTP_HOST || '127.0.0.1',
    path.resolve(cwd, env.BRIGADE_DATA_DIR || '.data'),
    nonEmpty(env.DATABASE_URL),
    port(env, 'BRIGADE_EMBEDDED_POSTGRES_PORT', 5544),
    nonEmpty(env.TEMPORAL_ADDRESS),
    env.TEMPORAL_NAMESPACE || 'default',
    env.BRIGADE_TASK_QUEUE || 'brigade-cases',
    port(env, 'BRIGADE_TEMPORAL_DEV_PORT', 7233),
    port(env, 'BRIGADE_TEMPORAL_UI_PORT', 8233),
    nonEmpty(env.TEMPORAL_CLI_PATH),
    oneOf(env, 'BRIGADE_LOG_LEVEL', ['error', 'warn', 'log', 'debug'] as const, 'log'),
  );
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value.trim() : undefined;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(`${name} must be a TCP port between 0 and 65535, got "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}
