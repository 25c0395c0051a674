import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt, Min, Validate, ValidateIf, ValidatorConstraint, isISO8601,
  type ValidationArguments, type ValidatorConstraintInterface,
} from 'class-validator';


/** What is wrong with the pair of query fields, if anything: exactly one must be given, and `at` must be a time. */
function pointProblem(query: { readonly version?: unknown; readonly at?: unknown }): string | null {
  if (query.version === undefined && query.at === undefined) return 'give either version=<number> or at=<ISO 8601 time>';
  if (query.version !== undefined && query.at !== undefined) return 'give either version or at, not both';
  if (typeof query.at !== 'string' || !isISO8601(query.at, { strict: true })) return 'at must be an ISO 8601 time such as 2027-03-01T09:00:00Z';
  return null;
}

// One constraint for the pair, on `at`: class-validator runs a property's validators only together, and a missing
// `version` must not also be told it is not a whole number.
@ValidatorConstraint({ name: 'pointInHistory' })
class PointInHistory implements ValidatorConstraintInterface {
  validate(_at: unknown, args: ValidationArguments): boolean {
    return pointProblem(args.object) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return pointProblem(args.object) ?? '';
  }
}

/** The query of `GET /cases/:id/state`: exactly one of a version number and a moment in time. */
export class CaseStateQueryDto {
  @ApiPropertyOptional({ minimum: 1, example: 12, description: 'Fold the events up to and including this version.' })
  @ValidateIf((query: CaseStateQueryDto) => query.version !== undefined)
  @Type(() => Number) @IsInt({ message: 'version must be a whole number' }) @Min(1, { message: 'version must be 1 or more' })
  readonly version?: number;

  @ApiPropertyOptional({
    format: 'date-time', example: '2027-03-01T09:00:00Z',
    description: 'Fold the events that occurred at or before this moment (encode a + offset as %2B).',
  })
  @ValidateIf((query: CaseStateQueryDto) => query.at !== undefined || query.version === undefined)
  @Validate(PointInHistory)
  readonly at?: string;
}
