import { Logger as NestLogger } from '@nestjs/common';
import { Logger, PinoLogger } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';
import { brigadeLogParams, type BrigadeLogLevel } from './brigade-log-options';

/** The process's logger, for Nest (`nest`) and for code that takes a pino logger (`pino`). */
export interface ProcessLogger {
  readonly nest: Logger;
  readonly pino: Pino;
}

/**
 * Sends every Nest `Logger` of this process through Brigade's pino logger, from the first line on: the infrastructure
 * logs before Nest starts. nestjs-pino keeps one root logger per process, which its module's request logging shares.
 */
export function useBrigadeLogger(level: BrigadeLogLevel): ProcessLogger {
  const params = brigadeLogParams(level);
  const pinoLogger = new PinoLogger(params);
  const nest = new Logger(pinoLogger, params);
  NestLogger.overrideLogger(nest);
  return { nest, pino: PinoLogger.root };
}
