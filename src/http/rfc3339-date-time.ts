import { ValidateBy, buildMessage, isISO8601, isRFC3339, type ValidationOptions } from 'class-validator';
import { englishProblem, issue, type FieldIssue } from './field-issue';
import { DATE_TIME_EXAMPLE } from '../domain/case-refusal-codes';

/** The span of moments a date-time input may name: from a fixed earliest moment to some years after now. */
export interface DateTimeWindow {
  /** The earliest moment accepted, as an RFC 3339 date-time. */
  readonly notBefore: string;
  /** How many calendar years after now the latest accepted moment lies. */
  readonly yearsAhead: number;
  /** The current time; the system clock unless a test gives its own. */
  readonly now?: () => Date;
}

/** The window for every date-time Brigade takes in: nothing before 2015, nothing more than two years ahead. */
export const BRIGADE_DATE_TIME_WINDOW: DateTimeWindow = { notBefore: '2015-01-01T00:00:00Z', yearsAhead: 2 };

/** A date-time in the one form Brigade accepts, for examples and messages. */
export const RFC3339_EXAMPLE = DATE_TIME_EXAMPLE;

/** Whether a value is an RFC 3339 date-time with an offset, in capitals, on a day and at a time that exist. */
export function isRfc3339DateTime(value: unknown): value is string {
  // isRFC3339 demands the seconds and the offset that ISO 8601 leaves out (and refuses week and ordinal dates); strict
  // isISO8601 checks the calendar (2026-02-30, 29 February, year 0000, a leap second JavaScript cannot hold) and the "T".
  // RFC 3339 also allows "t", "z" and a space: refused, so that one spelling is all there is.
  return typeof value === 'string' && value === value.toUpperCase()
    && isRFC3339(value) && isISO8601(value, { strict: true, strictSeparator: true });
}

/** What is wrong with a date-time input (its form, or a moment outside the window), or null when nothing is. */
export function dateTimeProblem(value: unknown, window: DateTimeWindow = BRIGADE_DATE_TIME_WINDOW): FieldIssue | null {
  if (!isRfc3339DateTime(value)) return issue('not_a_date_time', { example: RFC3339_EXAMPLE });
  const at = Date.parse(value);
  if (at < Date.parse(window.notBefore)) return issue('too_early', { earliest: window.notBefore });
  // A copy, so that moving it on does not move the clock's own date.
  const latest = new Date(window.now?.() ?? Date.now());
  latest.setUTCFullYear(latest.getUTCFullYear() + window.yearsAhead);
  if (at > latest.getTime()) return issue('too_far_ahead', { years: window.yearsAhead });
  return null;
}

/** Validates a date-time input: RFC 3339 with an offset, inside the window (Brigade's own unless another is given). */
export function IsRfc3339DateTime(window: DateTimeWindow = BRIGADE_DATE_TIME_WINDOW, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isRfc3339DateTime',
    constraints: [window],
    validator: {
      validate: (value: unknown) => dateTimeProblem(value, window) === null,
      // The error body answers the problem's code and text; this English line is for whoever reads class-validator's own output.
      defaultMessage: buildMessage((each, args) => englishProblem(dateTimeProblem(args?.value, window) ?? issue('not_a_date_time'), `${each}$property`), options),
    },
  }, options);
}
