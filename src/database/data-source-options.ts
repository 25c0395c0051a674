import type { DataSourceOptions } from 'typeorm';
import { CaseEventRow } from '../event-store/case-event.row';
import { CaseProjectionRow } from '../event-store/case-projection.row';
import { ExpertRow } from '../experts/expert.row';
import { BRIGADE_MIGRATIONS } from './migrations';

/** TypeORM options for Brigade's database: migrations only, never schema synchronisation. */
export function brigadeDataSourceOptions(url: string, overrides: { logging?: boolean } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [CaseEventRow, CaseProjectionRow, ExpertRow],
    migrations: BRIGADE_MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: { max: 20, connectionTimeoutMillis: 5_000 },
    ...overrides,
  };
}
