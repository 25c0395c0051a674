import { BadRequestException, ConflictException, ForbiddenException, NotFoundException, ServiceUnavailableException, type HttpException } from '@nestjs/common';
import { QueryNotRegisteredError, ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError, isGrpcServiceError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import { STREAM_CONFLICT_ERRORS } from '../event-store/event-store.errors';
import { CASE_FAILURE } from '../../workflows/messages';
import { INVALID_INPUT } from '../domain/case-refusal-codes';
import { isProblemCode, isRefusalCode, type CodedText, type RefusalCode } from '../i18n/catalogue/codes';
import type { TextParams } from '../i18n/catalogue/render-text';
import { isSpecificErrorCode } from '../http/error-body';
import type { FieldIssues } from '../http/field-issue';
import { refusal, type RefusalResponse } from '../http/refusal';
import { UNAVAILABLE_REASONS } from '../http/unavailable-dependency';
import { invalidFields } from '../http/validation';

type CaseFailureType = (typeof CASE_FAILURE)[keyof typeof CASE_FAILURE];

const ANSWER_FOR_FAILURE: Record<CaseFailureType, new (response: RefusalResponse) => HttpException> = {
  [CASE_FAILURE.notFound]: NotFoundException,
  [CASE_FAILURE.conflict]: ConflictException,
  [CASE_FAILURE.invalidInput]: BadRequestException,
  [CASE_FAILURE.forbidden]: ForbiddenException,
};

// gRPC statuses (grpc.status) with which Temporal turns an update away while a worker or the server itself restarts
// (the update was aborted, or the workflow is not ready for one), and a query while the workflow's last task has failed.
// Only for those calls; other calls keep them as real answers.
const GRPC_FAILED_PRECONDITION = 9;
const GRPC_ABORTED = 10;

/** The gRPC status behind a failed call to Temporal, if that is what it was. */
function grpcStatusOf(error: unknown): number | undefined {
  const cause = error instanceof ServiceError ? error.cause : undefined;
  return isGrpcServiceError(cause) ? cause.code : undefined;
}

/** Whether Temporal turned an update away for now, as it does while a worker or the server restarts: worth a retry. */
function updateTurnedAwayForNow(error: unknown): boolean {
  const status = grpcStatusOf(error);
  return status === GRPC_ABORTED || status === GRPC_FAILED_PRECONDITION;
}

/**
 * Whether Temporal could not put a query to the workflow for now: FAILED_PRECONDITION is its answer while the case's
 * last workflow task has failed (a worker died in it, or its replay failed once) and waits to be retried.
 */
function queryRefusedForNow(error: unknown): boolean {
  return grpcStatusOf(error) === GRPC_FAILED_PRECONDITION;
}

/** What a failed update means to its caller: 503 while Temporal turns updates away for now, else as `toHttpError` says. */
export function decisionFailure(caseId: string, error: unknown): unknown {
  return updateTurnedAwayForNow(error) ? new ServiceUnavailableException(refusal(UNAVAILABLE_REASONS.temporalBusy)) : toHttpError(caseId, error);
}

/**
 * What a failed query for the live state means to its caller. `getCase` is registered before the workflow's first await,
 * so its refusal means the worker could not run the workflow to answer right now (as when a restarted worker's replay
 * fails once and is retried): worth a retry, as a 503. The same holds while the workflow's last task has failed and
 * waits for its retry. Anything else stays the error it is.
 */
export function queryFailure(error: unknown): unknown {
  return error instanceof QueryNotRegisteredError || queryRefusedForNow(error) ? new ServiceUnavailableException(refusal(UNAVAILABLE_REASONS.temporalBusy)) : error;
}

/** Translates what Temporal says about a case workflow into the HTTP answer the caller should get. */
export function toHttpError(caseId: string, error: unknown): unknown {
  if (error instanceof WorkflowNotFoundError) {
    return new NotFoundException(refusal('case_not_running', { caseId }));
  }
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const { type, message, details } = error.cause;
    const Answer = type ? ANSWER_FOR_FAILURE[type as CaseFailureType] : undefined;
    const coded = codedRefusalIn(details);
    const fields = type === CASE_FAILURE.invalidInput ? fieldIssuesIn(details) : undefined;
    // A refusal the workflow coded is answered in the caller's language, refused input as the validation pipe answers it;
    // an uncoded one (from a worker older than the codes) travels inside `case_refused`.
    if (fields) return invalidFields(fields);
    if (Answer && coded) return new Answer({ ...(isSpecificErrorCode(coded.code) && { code: coded.code }), ...refusal(coded.code, coded.params) });
    if (Answer) return new Answer(refusal('case_refused', { because: message }));
  }
  const streamConflict = streamConflictOf(error);
  if (streamConflict !== undefined) {
    return new ConflictException(refusal('case_needs_reconciliation', { caseId, detail: streamConflict }));
  }
  // Anything else is not the caller's fault: it stays a server error.
  return error;
}

// A refusal may name itself more precisely than its type (`conflict_of_interest_declared`), as its first detail's code.
function codedRefusalIn(details: readonly unknown[] | null | undefined): CodedText<RefusalCode> | undefined {
  const [first] = details ?? [];
  const { code, params } = typeof first === 'object' && first !== null ? (first as { code?: unknown; params?: unknown }) : {};
  if (!isRefusalCode(code)) return undefined;
  return { code, params: typeof params === 'object' && params !== null ? (params as TextParams) : {} };
}

// Refused input names its field and the field's problems, as `invalid_input` with `fields`; undefined for any other detail.
function fieldIssuesIn(details: readonly unknown[] | null | undefined): FieldIssues[] | undefined {
  const [first] = details ?? [];
  const { code, fields } = typeof first === 'object' && first !== null ? (first as { code?: unknown; fields?: unknown }) : {};
  if (code !== INVALID_INPUT || !Array.isArray(fields) || fields.length === 0) return undefined;
  const known = fields.every((found: { field?: unknown; issues?: unknown }) => typeof found?.field === 'string' && Array.isArray(found.issues)
    && found.issues.length > 0 && found.issues.every((problem: { code?: unknown }) => isProblemCode(problem?.code)));
  return known ? (fields as FieldIssues[]).map(({ field, issues }) => ({ field, issues: issues.map(({ code, params }) => ({ code, params: params ?? {} })) })) : undefined;
}

// The worker's append was refused because the stored stream and the workflow disagree; it has alerted the operator.
function streamConflictOf(error: unknown): string | undefined {
  if (!(error instanceof WorkflowUpdateFailedError) || !(error.cause instanceof ActivityFailure)) return undefined;
  const failure = error.cause.cause;
  return failure instanceof ApplicationFailure && STREAM_CONFLICT_ERRORS.includes(failure.type ?? '') ? failure.message : undefined;
}
