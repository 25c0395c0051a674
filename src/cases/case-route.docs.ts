import { applyDecorators } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { ApiErrorResponses } from '../http/api-error-responses';
import { ApiCaseIdParam } from '../http/case-id-param';
import { AssignedCaseModel } from './assigned-case.model';
import { CaseStateModel } from '../http/models/case-state.model';
import { RegisteredCaseModel, SignalAcceptedModel } from './case-view.model';

/** Why a case route answers 400. */
export const MALFORMED_REQUEST = 'A field of the body or query, or an id in the path, is malformed, or the body has a field it does not know; `fields` names each.';
/** Why a case route answers 404: a missing case and one an expert is not on look the same, so that existence does not leak. */
export const UNKNOWN_CASE = 'The case does not exist or is no longer running, or the caller is an expert who is not on it (or whose offer or task it is not).';
/** Why a case route that changes a case answers 409. */
export const STEP_NOT_ALLOWED = "The case's stage does not allow this step now (or the case has ended, or is still being registered).";

/** Documents the id of an offer, task, follow-up or escalation in a route's path, as the case state names it. */
export function ApiStepIdParam(name: string, step: string, example: string): MethodDecorator {
  return ApiParam({ name, example, description: `The ${step} id, as the case state names it: lower-case letters, digits and hyphens.` });
}

/** Documents a decision a route sends the case workflow as an update: it answers 200 with the case state once taken. */
export function ApiCaseDecision(summary: string): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiCaseIdParam(),
    ApiOkResponse({ type: CaseStateModel, description: 'The case state once the workflow has taken the decision.' }),
    ApiErrorResponses({ 400: MALFORMED_REQUEST, 404: UNKNOWN_CASE, 409: STEP_NOT_ALLOWED }),
  );
}

/** Documents `POST /cases/:id/assignments`: a decision whose answer carries the warnings, refused on a conflict of interest. */
export function ApiCaseAssignment(): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: 'Put an expert on the team by hand' }),
    ApiCaseIdParam(),
    ApiOkResponse({ type: AssignedCaseModel, description: 'The case state once the expert is on the team, with the matching rules the assignment set aside.' }),
    ApiErrorResponses({
      400: MALFORMED_REQUEST, 404: UNKNOWN_CASE,
      409: `${STEP_NOT_ALLOWED} Or the expert has a conflict of interest with the case's municipality and no override was given: code \`conflict_of_interest_own_municipality\` or \`conflict_of_interest_declared\`. Or an override was given for an expert without a conflict: code \`no_conflict_to_override\`, and nothing is recorded.`,
    }),
  );
}

/** Documents a fact a route sends the case workflow as a signal: it answers 202 once the workflow has it. */
export function ApiCaseSignal(summary: string): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiCaseIdParam(),
    ApiAcceptedResponse({ type: SignalAcceptedModel, description: 'The workflow has the fact; it records it in its own time.' }),
    ApiErrorResponses({ 400: MALFORMED_REQUEST, 404: UNKNOWN_CASE, 409: STEP_NOT_ALLOWED }),
  );
}

/** Documents `POST /cases`: 201 for a new case, 200 when an Idempotency-Key finds the case it registered before. */
export function ApiCaseRegistration(): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: 'Register a support request as a new case, which starts its workflow' }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      // The rule parseIdempotencyKey applies.
      schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,200}$' },
      description: 'Makes a retry safe: the same key with the same request answers 200 with the case it registered before.',
    }),
    ApiCreatedResponse({
      type: RegisteredCaseModel,
      description: 'The case is registered and its workflow started.',
      headers: { Location: { description: 'The new case, as /cases/{id}.', schema: { type: 'string' } } },
    }),
    ApiOkResponse({ type: RegisteredCaseModel, description: 'The Idempotency-Key named a case registered earlier with the same request; nothing new was started.' }),
    ApiErrorResponses({ 400: MALFORMED_REQUEST, 422: 'The Idempotency-Key was already used for a different request.' }),
  );
}
