import { ApiProperty } from '@nestjs/swagger';
import { CONFLICT_OF_INTEREST_CODES } from '../domain/manual-assignment';
import type { CodedText } from '../i18n/catalogue/codes';
import { refusalsEn } from '../i18n/catalogue/refusals.en';
import { problemsEn } from '../i18n/catalogue/problems.en';
import type { TextParams } from '../i18n/catalogue/render-text';

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
  sessionExpired: 'session_expired',
  conflictOfInterestOwnMunicipality: CONFLICT_OF_INTEREST_CODES.own_municipality,
  conflictOfInterestDeclared: CONFLICT_OF_INTEREST_CODES.declared_conflict,
} as const;

/** Whether a refusal's code is one the body names itself by, rather than by its status. */
export function isSpecificErrorCode(code: string): boolean {
  return (Object.values(SPECIFIC_ERROR_CODES) as string[]).includes(code);
}

/** The code for a status, falling back to its class when the status has no name of its own. */
export function errorCodeFor(status: number): string {
  return ERROR_CODES[status] ?? (status >= 500 ? 'internal_error' : 'request_refused');
}

/** A coded text in an error body: a stable code and the parameters its text is filled with. */
export class CodedTextBody implements CodedText {
  @ApiProperty({ example: 'case_not_found', description: 'A stable code; its text in each language is in the message catalogue.' })
  readonly code!: string;

  @ApiProperty({
    type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] }, example: { caseId: '5b1d…' },
    description: "The values that fill the text's {placeholders}.",
  })
  readonly params!: TextParams;
}

/** One problem with a field: its code and parameters, and its text in the request's language. */
export class FieldIssueBody extends CodedTextBody {
  @ApiProperty({ example: 'too_long', description: `One of: ${Object.keys(problemsEn).join(', ')}.` })
  declare readonly code: string;

  @ApiProperty({ example: 'Gemeente is verplicht.', description: 'The problem in the language of Accept-Language (Dutch by default), naming the field by its label.' })
  readonly message!: string;
}

/** One offending field in an error body. */
export class FieldProblemBody {
  @ApiProperty({ example: 'officeHolder.name', description: "The field's path in the request." })
  readonly field!: string;

  @ApiProperty({ type: [String], example: ['Naam van de ambtsdrager is verplicht.'], description: 'The messages of `issues`, one per problem.' })
  readonly problems!: string[];

  @ApiProperty({ type: [FieldIssueBody], description: 'The problems, coded; one per problem (an empty required field is only `required`).' })
  readonly issues!: FieldIssueBody[];
}

/** Why the request was refused, coded, for clients that show their own words. */
export class ReasonBody extends CodedTextBody {
  @ApiProperty({ example: 'case_not_found', description: `One of: ${Object.keys(refusalsEn).join(', ')}.` })
  declare readonly code: string;
}

/** The one body every error answer carries. */
export class ErrorBody {
  @ApiProperty({ example: 404 }) readonly statusCode!: number;
  @ApiProperty({
    example: 'not_found',
    description: `One of: ${Object.values(ERROR_CODES).join(', ')}; or a more precise name of the refusal: ${Object.values(SPECIFIC_ERROR_CODES).join(', ')}.`,
  }) readonly code!: string;
  @ApiProperty({
    example: 'Zaak 5b1d… bestaat niet.',
    description: 'What went wrong, in the language of Accept-Language (en, en-GB, en-US: English; anything else: Dutch); for refused input, the messages of every field problem.',
  }) readonly message!: string;
  @ApiProperty({ type: ReasonBody, description: 'Why, coded: the text of `message` (for refused input, `invalid_input`) by its code and parameters.' })
  readonly reason!: CodedText;
  @ApiProperty({ type: [FieldProblemBody], description: 'The offending fields; empty when the error is not about input.' })
  readonly fields!: readonly FieldProblemBody[];
}

/**
 * The error body for a status and message, for answers written outside Nest's exception filter (a refused Host, what
 * Node's HTTP parser refuses), where no request language is known: the message is English, the reason the status's own.
 */
export function errorBody(statusCode: number, message: string): ErrorBody {
  const code = errorCodeFor(statusCode);
  return { statusCode, code, message, reason: { code, params: {} }, fields: [] };
}
