import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt, Min, Validate, ValidateIf, ValidatorConstraint,
  type ValidationArguments, type ValidatorConstraintInterface,
} from 'class-validator';
import { ownProblem } from '../../http/constraint-problems';
import { ToDecimalInteger } from '../../http/decimal-integer';
import { englishProblem, issue, type FieldIssue } from '../../http/field-issue';
import { dateTimeProblem } from '../../http/rfc3339-date-time';

/** What is wrong with the pair of query fields, if anything: exactly one must be given, and `at` must be a date-time. */
export function pointInHistoryProblem(query: { readonly version?: unknown; readonly at?: unknown }): FieldIssue | null {
  if (query.version === undefined && query.at === undefined) return issue('version_or_moment');
  if (query.version !== undefined && query.at !== undefined) return issue('not_version_and_moment');
  return dateTimeProblem(query.at);
}

// One constraint for the pair, on `at`: class-validator runs a property's validators only together, and a missing
// `version` must not also be told it is not a whole number.
@ValidatorConstraint({ name: 'pointInHistory' })
class PointInHistory implements ValidatorConstraintInterface {
  validate(_at: unknown, args: ValidationArguments): boolean {
    return pointInHistoryProblem(args.object) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    const problem = pointInHistoryProblem(args.object);
    return problem ? englishProblem(problem, 'at') : '';
  }
}

/** The query of `GET /cases/:id/state`: exactly one of a version number and a moment in time. */
export class CaseStateQueryDto {
  @ApiPropertyOptional({ minimum: 1, example: 12, description: 'Fold the events up to and including this version.' })
  @ValidateIf((query: CaseStateQueryDto) => query.version !== undefined)
  @ToDecimalInteger() @IsInt({ message: 'version must be a whole number' }) @Min(1, { message: 'version must be 1 or more' })
  readonly version?: number;

  @ApiPropertyOptional({
    format: 'date-time', example: '2027-03-01T09:00:00Z',
    description: 'Fold the events that occurred at or before this moment: an RFC 3339 date-time from 2015 to two years ahead (encode a + offset as %2B).',
  })
  @ValidateIf((query: CaseStateQueryDto) => query.at !== undefined || query.version === undefined)
  @Validate(PointInHistory, ownProblem(({ object }) => pointInHistoryProblem(object) ?? issue('not_a_date_time'), { ofTheField: true }))
  readonly at?: string;
}
