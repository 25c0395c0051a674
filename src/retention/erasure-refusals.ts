import { ConflictException, ForbiddenException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
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
/**
 * The 422 of an erasure request for an expert: their name is not sealed under a key of their own yet (it travels in
 * events, the case state and the pool as written), so destroying a key would erase nothing while claiming it had.
 */
export const expertErasureNotYet = (expertId: string) => new UnprocessableEntityException(refusal('erasure_expert_not_yet', { expertId }));
/** The 409 of an office holder not sealed under a person key. */
export const noPersonKey = (caseId: string) => new ConflictException(refusal('erasure_no_person_key', { caseId }));
