import { ApiProperty } from '@nestjs/swagger';
import { CONFLICT_OF_INTEREST_CODES } from '../domain/manual-assignment';
import type { FieldProblem } from './validation';

/** A stable, machine-readable name for each error status Brigade answers with. */
export const ERROR_CODES: Readonly<Record<number, string>> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  431: 'headers_too_large',
  500: 'internal_error',
  503: 'unavailable',
};

/** Codes that name a refusal more precisely than its status does. */
export const SPECIFIC_ERROR_CODES = {
  expertDeactivated: 'expert_deactivated',
  unknownExpert: 'unknown_expert',
  conflictOfInterestOwnMunicipality: CONFLICT_OF_INTEREST_CODES.own_municipality,
  conflictOfInterestDeclared: CONFLICT_OF_INTEREST_CODES.declared_conflict,
} as const;

/** The code for a status, falling back to its class when the status has no name of its own. */
export function errorCodeFor(status: number): string {
  return ERROR_CODES[status] ?? (status >= 500 ? 'internal_error' : 'request_refused');
}

/** One offending field in an error body. */
export class FieldProblemBody implements FieldProblem {
  @ApiProperty({ example: 'request.municipality' }) readonly field!: string;
  @ApiProperty({ type: [String], example: ['request.municipality must be a non-empty text'] }) readonly problems!: string[];
}

/** The one body every error answer carries. */
export class ErrorBody {
  @ApiProperty({ example: 404 }) readonly statusCode!: number;
  @ApiProperty({
    example: 'not_found',
    description: `One of: ${Object.values(ERROR_CODES).join(', ')}; or a more precise name of the refusal: ${Object.values(SPECIFIC_ERROR_CODES).join(', ')}.`,
  }) readonly code!: string;
  @ApiProperty({ example: 'case 5b1d… does not exist' }) readonly message!: string;
  @ApiProperty({ type: [FieldProblemBody], description: 'The offending fields; empty when the error is not about input.' })
  readonly fields!: readonly FieldProblem[];
}

/** The error body for a status and message, for answers written outside Nest's exception filter. */
export function errorBody(statusCode: number, message: string, fields: readonly FieldProblem[] = []): ErrorBody {
  return { statusCode, code: errorCodeFor(statusCode), message, fields };
}
