/** One offending field of a refused request, as the API names it (`request.municipality`, `reason`, …). */
export interface FieldProblem {
  readonly field: string;
  readonly problems: readonly string[];
}

/** The one body every API error carries. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly fields: readonly FieldProblem[];
}

/** A refused or failed API call, with the API's own words; status 0 when the server could not be reached. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly fields: readonly FieldProblem[] = []) {
    super(message);
    this.name = 'ApiError';
  }

  /** Any failure as an ApiError: the API's own answer as it is, anything else as not reaching it (status 0). */
  static from(failure: unknown): ApiError {
    return failure instanceof ApiError ? failure : new ApiError(0, 'error', failure instanceof Error ? failure.message : String(failure));
  }

  /** The error an answer's body describes; a body that is not the API's error body still gives a readable message. */
  static fromBody(status: number, body: unknown): ApiError {
    const candidate = body as Partial<ErrorBody> | null;
    if (candidate && typeof candidate === 'object' && typeof candidate.message === 'string') {
      const fields = Array.isArray(candidate.fields)
        ? candidate.fields.filter((f): f is FieldProblem => typeof f?.field === 'string' && Array.isArray(f.problems))
        : [];
      return new ApiError(status, typeof candidate.code === 'string' ? candidate.code : 'error', candidate.message, fields);
    }
    return new ApiError(status, 'error', `the server answered ${status}`);
  }

  /** The problems the API found with one field (and the fields inside it), for showing next to that field. */
  problemsOf(field: string): string[] {
    return this.fields.filter((f) => f.field === field || f.field.startsWith(`${field}.`)).flatMap((f) => f.problems);
  }
}
