import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { refusal } from '../http/refusal';

/** The 404 of an erasure request that does not exist. */
export const erasureRequestNotFound = (requestId: string) => new NotFoundException(refusal('erasure_request_not_found', { requestId }));
/** The 403 of the four-eyes rule: the requester approving their own request. */
export const ownRequest = (actorId: string) => new ForbiddenException(refusal('erasure_own_request', { actorId }));
/** The 409 of a request decided before. */
export const requestDecided = (requestId: string, state: string) => new ConflictException(refusal('erasure_request_decided', { requestId, state }));
/** The 404 of a case that does not exist. */
export const caseNotFound = (caseId: string) => new NotFoundException(refusal('erasure_case_not_found', { caseId }));
/** The 409 of an erasure that would touch a case whose workflow may still append. */
export const caseStillOpen = (caseId: string) => new ConflictException(refusal('erasure_case_still_open', { caseId }));
/** The 404 of an expert the pool does not have. */
export const expertNotFound = (expertId: string) => new NotFoundException(refusal('erasure_expert_not_found', { expertId }));
/** The 409 of an expert still in the pool: matching could offer them a case again, under their name. */
export const expertStillActive = (expertId: string) => new ConflictException(refusal('erasure_expert_still_active', { expertId }));
/** The 409 of a request whose person's keys were all destroyed by an earlier erasure. */
export const nothingLeft = (requestId: string) => new ConflictException(refusal('erasure_nothing_left', { requestId }));
/** The 409 of an office holder not sealed under a person key. */
export const noPersonKey = (caseId: string) => new ConflictException(refusal('erasure_no_person_key', { caseId }));
