import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { errorBody, type ErrorBody } from './error-body';
import { unavailableDependency } from './unavailable-dependency';
import type { FieldProblem } from './validation';

// Dependencies restart in seconds; a client that honours Retry-After comes back once they are likely up again.
const RETRY_AFTER_SECONDS = 5;

/** Turns every error into the one error body, so clients need a single parser; unexpected errors are logged, not shown. */
@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = exception instanceof HttpException ? fromHttpException(exception) : this.unavailable(exception) ?? this.internal(exception);
    if (response.headersSent) return;
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(body.statusCode).json(body);
  }

  // A dependency that is down is not a bug: the caller gets a 503 to retry on, and the log one line, not a stack.
  private unavailable(exception: unknown): ErrorBody | undefined {
    const message = unavailableDependency(exception);
    if (message === undefined) return undefined;
    this.logger.warn(`answered 503: ${exception instanceof Error ? exception.message : String(exception)}`);
    return errorBody(HttpStatus.SERVICE_UNAVAILABLE, message);
  }

  private internal(exception: unknown): ErrorBody {
    // The cause says what a wrapper such as the SDK's ServiceError hides: the gRPC status and the server's own words.
    const cause = exception instanceof Error ? (exception.cause as { code?: unknown; details?: unknown } | undefined) : undefined;
    const because = cause && (cause.code !== undefined || cause.details !== undefined) ? `\ncaused by: code ${String(cause.code)}: ${String(cause.details)}` : '';
    this.logger.error(`${exception instanceof Error ? exception.stack ?? exception.message : String(exception)}${because}`);
    return errorBody(HttpStatus.INTERNAL_SERVER_ERROR, 'an internal error occurred; it has been logged');
  }
}

function fromHttpException(exception: HttpException): ErrorBody {
  const statusCode = exception.getStatus();
  const raw = exception.getResponse();
  const details = typeof raw === 'object' && raw !== null ? (raw as { message?: unknown; fields?: FieldProblem[]; code?: unknown }) : { message: raw };
  const message = Array.isArray(details.message) ? details.message.join('; ') : String(details.message ?? exception.message);
  // A refusal may name itself more precisely than its status (`expert_deactivated` rather than `unauthenticated`).
  const body = errorBody(statusCode, message, details.fields ?? []);
  return typeof details.code === 'string' ? { ...body, code: details.code } : body;
}
