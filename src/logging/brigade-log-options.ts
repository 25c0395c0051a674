import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions, type Level, type LoggerOptions } from 'pino';
import type { Options } from 'pino-http';
import type { BrigadeConfig } from '../config/brigade-config';
import { REDACTED } from '../domain/sensitive-fields';
import { LOG_REDACT_PATHS } from './log-redaction';

/** The log levels BRIGADE_LOG_LEVEL names, in Nest's words. */
export type BrigadeLogLevel = BrigadeConfig['logLevel'];

const PINO_LEVELS: Readonly<Record<BrigadeLogLevel, Level>> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug' };

/** Options of Brigade's one pino logger: a JSON line per entry, a readable level and time, every sensitive path redacted. */
export function brigadeLoggerOptions(level: BrigadeLogLevel): LoggerOptions {
  return {
    level: PINO_LEVELS[level],
    base: { pid: process.pid },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: [...LOG_REDACT_PATHS], censor: REDACTED },
    serializers: { err: errorSummary },
  };
}

/**
 * nestjs-pino's parameters: the logger above, plus one line per HTTP request naming its method, path, status and time.
 * Request bodies and headers (the bearer token among them) are never part of that line.
 */
export function brigadeLogParams(level: BrigadeLogLevel): Params {
  const http: Options = {
    ...brigadeLoggerOptions(level),
    serializers: { err: errorSummary, req: requestSummary, res: responseSummary },
    // Logs made while serving a request carry its id, not the whole request again.
    quietReqLogger: true,
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessMessage: (req, res, responseTime) => `${req.method} ${pathOf(req)} ${res.statusCode} in ${Math.round(responseTime)} ms`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode} failed`,
  };
  return { pinoHttp: http, renameContext: 'context' };
}

// An error's kind, message and stack only: other properties, such as a failed query's parameters, may hold case data.
function errorSummary(error: { type?: string; name?: string; message?: string; stack?: string }) {
  return { type: error.type ?? error.name, message: error.message, stack: error.stack };
}

function requestSummary(req: { id?: unknown; method?: string; url?: string }) {
  return { id: req.id, method: req.method, url: withoutCredentials(req.url ?? '') };
}

// The way back from a sign-in carries a code and a state, and sign-out an ID token: a log line keeps only their names.
const CREDENTIAL_PARAMETERS = /([?&](?:code|state|id_token_hint|session_state|access_token|id_token|token)=)[^&#]*/gi;

/** A request target with the values of sign-in credentials in its query replaced. */
export function withoutCredentials(url: string): string {
  return url.replace(CREDENTIAL_PARAMETERS, '$1[redacted]');
}

function responseSummary(res: { statusCode?: number }) {
  return { statusCode: res.statusCode };
}

// Express rewrites `url` inside routers; the original is what the client asked for.
function pathOf(req: IncomingMessage & { originalUrl?: string }): string {
  return withoutCredentials(req.originalUrl ?? req.url ?? '');
}
