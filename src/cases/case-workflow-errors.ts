import { BadRequestException, ConflictException, ForbiddenException, HttpException, NotFoundException } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { CASE_FAILURE } from '../../workflows/messages';

/** Translates what Temporal says about a case workflow into the HTTP answer the caller should get. */
export function toHttpError(caseId: string, error: unknown): unknown {
  if (error instanceof WorkflowNotFoundError) {
    return new NotFoundException(`case ${caseId} does not exist or is no longer running`);
  }
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const { type, message } = error.cause;
    if (type === CASE_FAILURE.conflict) return new ConflictException(message);
    if (type === CASE_FAILURE.invalidInput) return new BadRequestException(message);
    if (type === CASE_FAILURE.forbidden) return new ForbiddenException(message);
  }
  return error instanceof HttpException ? error : error;
}
