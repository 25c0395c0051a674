import type { DataSourceOptions } from 'typeorm';
import { CaseEventRow } from './case-event.row';
import { CaseProjectionRow } from './case-projection.row';
import { ExpertRow } from './expert.row';
import { BRIGADE_MIGRATIONS } from './migrations';
import { ParameterFreeQueryLogger } from './parameter-free-query-logger';

/**
 * TypeORM options for the application's pool: never schema synchronisation, and no migrations either, since those run
 * beforehand as the owner (`runBrigadeMigrations`) while this login may only read and append.
 */
export function brigadeDataSourceOptions(url: string, overrides: { logging?: boolean } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [CaseEventRow, CaseProjectionRow, ExpertRow],
    migrations: BRIGADE_MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    // TypeORM's own loggers print a failed query's parameters, which carry case events; this one never does.
    logger: new ParameterFreeQueryLogger(overrides.logging !== false),
    // Bounded waits: no connection within 5 s, or a statement still running after 30 s, fails instead of hanging, so the
    // API answers 503 and an activity retries. Each statement is short; a long one is a stuck lock or a stalled server.
    extra: { max: 20, connectionTimeoutMillis: 5_000, statement_timeout: 30_000 },
    ...overrides,
  };
}
