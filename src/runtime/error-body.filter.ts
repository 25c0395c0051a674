import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { errorCodeFor, type ErrorBody } from './error-body';
import type { FieldProblem } from './validation';

/** Turns every error into the one error body, so clients need a single parser; unexpected errors are logged, not shown. */
@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = exception instanceof HttpException ? fromHttpException(exception) : this.internal(exception);
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  private internal(exception: unknown): ErrorBody {
    this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    const statusCode = HttpStatus.INTERNAL_SERVER_ERROR;
    return { statusCode, code: errorCodeFor(statusCode), message: 'an internal error occurred; it has been logged', fields: [] };
  }
}

function fromHttpException(exception: HttpException): ErrorBody {
  const statusCode = exception.getStatus();
  const raw = exception.getResponse();
  const details = typeof raw === 'object' && raw !== null ? (raw as { message?: unknown; fields?: FieldProblem[] }) : { message: raw };
  const message = Array.isArray(details.message) ? details.message.join('; ') : String(details.message ?? exception.message);
  return { statusCode, code: errorCodeFor(statusCode), message, fields: details.fields ?? [] };
}
