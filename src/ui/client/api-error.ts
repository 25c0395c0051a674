import type { CodedText } from '../../i18n/catalogue/codes';
import { problemText, refusalText } from './i18n/coded-texts';
import type { Language } from './i18n/messages';

/** One problem with a field, coded, with the server's words for it. */
export interface FieldIssue extends CodedText {
  readonly message: string;
}

/** One offending field of a refused request, as the API names it (`officeHolder.name`, `reason`, …). */
export interface FieldProblem {
  readonly field: string;
  /** One message per problem, in the language of the page that made the call. */
  readonly problems: readonly string[];
  readonly issues?: readonly FieldIssue[];
}

/** The one body every API error carries. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly reason?: CodedText;
  readonly fields: readonly FieldProblem[];
}

/** A refused or failed API call, in the page's words where its codes allow; status 0 when the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number, readonly code: string, message: string, readonly fields: readonly FieldProblem[] = [], readonly reason?: CodedText,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Any failure as an ApiError: the API's own answer as it is, anything else as not reaching it (status 0). */
  static from(failure: unknown): ApiError {
    return failure instanceof ApiError ? failure : new ApiError(0, 'error', failure instanceof Error ? failure.message : String(failure));
  }

  /**
   * The error an answer's body describes, its messages put in the page's language from the catalogue by their codes
   * (the server's own words where a code is unknown); a body that is not the API's error body still gives a message.
   */
  static fromBody(status: number, body: unknown, language: Language = 'nl'): ApiError {
    const candidate = body as Partial<ErrorBody> | null;
    if (candidate && typeof candidate === 'object' && typeof candidate.message === 'string') {
      const fields = Array.isArray(candidate.fields)
        ? candidate.fields.filter((f): f is FieldProblem => typeof f?.field === 'string' && Array.isArray(f.problems)).map((f) => inLanguage(f, language))
        : [];
      const reason = isCoded(candidate.reason) ? candidate.reason : undefined;
      const coded = fields.some((field) => field.issues !== undefined);
      const message = coded
        ? fields.flatMap((field) => field.problems).join(' ')
        : (reason && refusalText(language, reason)) ?? candidate.message;
      return new ApiError(status, typeof candidate.code === 'string' ? candidate.code : 'error', message, fields, reason);
    }
    return new ApiError(status, 'error', `the server answered ${status}`);
  }

  /** The problems the API found with one field (and the fields inside it), for showing next to that field. */
  problemsOf(field: string): string[] {
    return this.fields.filter((f) => f.field === field || f.field.startsWith(`${field}.`)).flatMap((f) => f.problems);
  }
}

function isCoded(value: unknown): value is CodedText {
  return typeof value === 'object' && value !== null && typeof (value as CodedText).code === 'string'
    && typeof (value as CodedText).params === 'object' && (value as CodedText).params !== null;
}

// One message per coded problem, from the catalogue; a field without codes (an older server) keeps the server's words.
function inLanguage(field: FieldProblem, language: Language): FieldProblem {
  const issues = Array.isArray(field.issues) ? field.issues.filter((found): found is FieldIssue => isCoded(found)) : [];
  if (issues.length === 0) return field;
  return { ...field, problems: issues.map((found) => problemText(language, field.field, found) ?? found.message) };
}
