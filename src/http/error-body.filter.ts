import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { I18nContext, I18nService } from 'nestjs-i18n';
import type { CodedText } from '../i18n/catalogue/codes';
import { DEFAULT_LANGUAGE } from '../i18n/catalogue/languages';
import { CodedTextTranslator } from '../i18n/coded-text.translator';
import { errorCodeFor, type ErrorBody, type FieldProblemBody } from './error-body';
import type { FieldIssues } from './field-issue';
import { refusal } from './refusal';
import { damagedKeyRefusal } from './damaged-key';
import { unavailableDependency } from './unavailable-dependency';

// Dependencies restart in seconds; a client that honours Retry-After comes back once they are likely up again.
const RETRY_AFTER_SECONDS = 5;

/** What an exception says, before it is put into the caller's words. */
interface Refused {
  readonly statusCode: number;
  /** A more precise public code than the status's own, such as `expert_deactivated`. */
  readonly code?: string;
  readonly reason: CodedText;
  readonly fields: readonly FieldIssues[];
}

/**
 * Turns every error into the one error body, so clients need a single parser, with its messages in the request's
 * language (Accept-Language; Dutch by default); unexpected errors are logged in English, not shown.
 */
@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly i18n: I18nService) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const refused = exception instanceof HttpException ? fromHttpException(exception)
      : this.unavailable(exception) ?? this.damaged(exception) ?? this.internal(exception);
    if (response.headersSent) return;
    // The language middleware runs on every route; an error thrown before it (or outside a route) is answered in Dutch.
    const body = render(refused, new CodedTextTranslator(this.i18n, I18nContext.current(host)?.lang ?? DEFAULT_LANGUAGE));
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(body.statusCode).json(body);
  }

  // A dependency that is down is not a bug: the caller gets a 503 to retry on, and the log one line, not a stack.
  private unavailable(exception: unknown): Refused | undefined {
    const code = unavailableDependency(exception);
    if (code === undefined) return undefined;
    this.logger.warn(`answered 503: ${exception instanceof Error ? exception.message : String(exception)}`);
    return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, reason: refusal(code).reason, fields: [] };
  }

  // Damage in the key store or a sealed field: still a 500, but one that names where, and the log one line, not a stack.
  private damaged(exception: unknown): Refused | undefined {
    const reason = damagedKeyRefusal(exception);
    if (reason === undefined) return undefined;
    this.logger.error(`answered 500 for damaged key material: ${(exception as Error).message}`);
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: reason.code, reason, fields: [] };
  }

  private internal(exception: unknown): Refused {
    // The cause says what a wrapper such as the SDK's ServiceError hides: the gRPC status and the server's own words.
    const cause = exception instanceof Error ? (exception.cause as { code?: unknown; details?: unknown } | undefined) : undefined;
    const because = cause && (cause.code !== undefined || cause.details !== undefined) ? `\ncaused by: code ${String(cause.code)}: ${String(cause.details)}` : '';
    this.logger.error(`${exception instanceof Error ? exception.stack ?? exception.message : String(exception)}${because}`);
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, reason: refusal('internal_error').reason, fields: [] };
  }
}

// A coded refusal carries its reason; any other HttpException (Nest's own 404 for an unknown route, the body parser's
// 413) is answered with the text of its status, since its English words are not the caller's language.
function fromHttpException(exception: HttpException): Refused {
  const statusCode = exception.getStatus();
  const raw = exception.getResponse();
  const details = typeof raw === 'object' && raw !== null ? (raw as { reason?: CodedText; fields?: FieldIssues[]; code?: unknown }) : {};
  return {
    statusCode,
    code: typeof details.code === 'string' ? details.code : undefined,
    reason: details.reason ?? { code: errorCodeFor(statusCode), params: {} },
    fields: details.fields ?? [],
  };
}

function render(refused: Refused, translate: CodedTextTranslator): ErrorBody {
  const fields: FieldProblemBody[] = refused.fields.map(({ field, issues }) => {
    const rendered = issues.map((found) => ({ code: found.code, params: found.params, message: translate.problem(field, found) }));
    return { field, problems: rendered.map((found) => found.message), issues: rendered };
  });
  // Refused input is told field by field; the summary repeats each problem rather than say "the request has errors".
  const message = fields.length > 0 ? fields.flatMap((field) => field.problems).join(' ') : translate.refusal(refused.reason);
  return {
    statusCode: refused.statusCode,
    code: refused.code ?? errorCodeFor(refused.statusCode),
    message,
    reason: refused.reason,
    fields,
  };
}
