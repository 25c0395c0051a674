import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's log, through Nest's logger: failed and slow queries with their SQL but never their parameters, since those
 * carry case events and the support request. PostgreSQL keeps the offending values in an error's `detail`, which is
 * left out too; its message names the problem.
 */
export class ParameterFreeQueryLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  /** Logs failed queries only when `enabled`, as TypeORM's `logging: false` asks of its own loggers. */
  constructor(private readonly enabled: boolean) {}

  logQuery(): void {
    // Every query would be noise, and each carries parameters.
  }

  logQueryError(error: string | Error, query: string): void {
    if (!this.enabled) return;
    this.logger.error(`query failed: ${typeof error === 'string' ? error : error.message} — in ${oneLine(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    if (this.enabled) this.logger.warn(`slow query (${time} ms): ${oneLine(query)}`);
  }

  logSchemaBuild(): void {
    // Brigade never builds schemas; migrations do.
  }

  logMigration(message: string): void {
    if (this.enabled) this.logger.debug(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (!this.enabled) return;
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}

function oneLine(query: string): string {
  return query.replace(/\s+/g, ' ').trim();
}
