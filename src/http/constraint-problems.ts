import type { ProblemCode } from '../i18n/catalogue/codes';
import { issue, type FieldIssue } from './field-issue';
import { dateTimeProblem, type DateTimeWindow } from './rfc3339-date-time';

/**
 * What a failed class-validator constraint had to judge: the field's value, the object it is in, the rule's own
 * constraints, and whether the field may be left out of this object (`IsOptional`, or a `ValidateIf` that would skip it).
 */
export interface ConstraintArguments {
  readonly value: unknown;
  readonly object: object;
  readonly constraints: readonly unknown[];
  readonly optional: boolean;
}

/**
 * What a feature's own rule carries in class-validator's `context` option: the problem it reports, so that the rule's
 * knowledge stays with the feature that owns it. `ofTheField` marks a rule that judges whether the field may be there
 * at all, whose problem is reported even for an empty value.
 */
export interface OwnProblem {
  readonly problem: (args: ConstraintArguments) => FieldIssue;
  readonly ofTheField?: boolean;
}

/** The validation options of a rule that names its own problem: pass them as a custom rule's `ValidationOptions`. */
export function ownProblem(problem: OwnProblem['problem'], options: { ofTheField?: boolean } = {}): { context: OwnProblem } {
  return { context: { problem, ...options } };
}

/** Whether a rule's class-validator `context` carries its own problem (see `ownProblem`). */
export function carriesOwnProblem(context: unknown): context is OwnProblem {
  return typeof (context as { problem?: unknown } | undefined)?.problem === 'function';
}

const plain = (code: ProblemCode) => (): FieldIssue => issue(code);
// Given empty or blank, a field that must be there is missing; one that may be left out is there, and only empty.
const missing = ({ optional }: ConstraintArguments): FieldIssue => issue(optional ? 'blank' : 'required');
const bound = (code: ProblemCode, name: string) => ({ constraints }: ConstraintArguments): FieldIssue => issue(code, { [name]: Number(constraints[0]) });

// Rules that judge whether a field may be there at all, so that an empty value is not simply "required" for them.
const OF_THE_FIELD: Readonly<Record<string, (args: ConstraintArguments) => FieldIssue>> = {
  whitelistValidation: plain('unknown_field'),
};

// Rules about a value: one that is empty fails them only because it is missing.
const OF_THE_VALUE: Readonly<Record<string, (args: ConstraintArguments) => FieldIssue>> = {
  isDefined: missing,
  isNotEmpty: missing,
  isNotBlank: missing,
  arrayNotEmpty: missing,
  isString: plain('not_text'),
  maxLength: bound('too_long', 'max'),
  hasNoInvisibleCharacter: plain('invisible_characters'),
  isIn: plain('not_a_choice'),
  isInt: plain('not_a_whole_number'),
  min: bound('too_small', 'min'),
  max: bound('too_large', 'max'),
  isBoolean: plain('not_yes_no'),
  isObject: plain('not_an_object'),
  nestedValidation: plain('not_an_object'),
  isArray: plain('not_a_list'),
  arrayMaxSize: bound('too_many', 'max'),
  arrayUnique: plain('duplicates'),
  matches: plain('wrong_format'),
  isMunicipalityCode: plain('not_a_municipality'),
  isRfc3339DateTime: ({ value, constraints }) => dateTimeProblem(value, constraints[0] as DateTimeWindow) ?? issue('not_a_date_time'),
  isNotBefore: ({ constraints }) => issue('before_start', { start: String(constraints[0]) }),
  isEmail: plain('not_an_email'),
  isPhoneNumber: plain('not_a_phone_number'),
  isE164PhoneNumber: plain('not_an_international_phone_number'),
  isUuid: plain('not_an_id'),
  isLanguageCode: plain('not_a_language'),
  isBase64Values: plain('not_base64'),
  isSubjectForRole: ({ object }) => issue('not_a_subject', { role: String((object as { role?: unknown }).role) }),
};

/**
 * The names of every class-validator constraint whose problem this layer knows: with the rules that carry their own
 * (`ownProblem`), every rule has a problem code, and one without fails the catalogue test rather than answer in English.
 */
export const KNOWN_CONSTRAINTS: readonly string[] = [...Object.keys(OF_THE_FIELD), ...Object.keys(OF_THE_VALUE)];

/** The problem a failed constraint reports, or undefined for a constraint Brigade does not know; `context` is the rule's own. */
export function problemOf(constraint: string, args: ConstraintArguments, context?: unknown): FieldIssue | undefined {
  const own = carriesOwnProblem(context) ? context : undefined;
  const ofTheField = own?.ofTheField ? own.problem : OF_THE_FIELD[constraint];
  if (ofTheField) return ofTheField(args);
  const ofTheValue = own?.problem ?? OF_THE_VALUE[constraint];
  if (!ofTheValue) return undefined;
  return isEmptyValue(args.value) ? missing(args) : ofTheValue(args);
}

// A value of the wrong kind has no length or format worth reporting, an absent one has no kind, and what is not a list
// has no elements: only the problems of the most basic rank a field has are shown, so that an empty field is
// "required" (or "blank", when it may be left out) and nothing else.
const RANK: Partial<Record<ProblemCode, number>> = {
  required: 0, blank: 0, not_a_list: 1, not_text: 2, not_a_whole_number: 2, not_yes_no: 2, not_an_object: 2,
};

/** The problems worth reporting of one field, out of all that its failed constraints name. */
export function mostBasic(issues: readonly FieldIssue[]): FieldIssue[] {
  const rank = (found: FieldIssue) => RANK[found.code] ?? 3;
  const lowest = Math.min(...issues.map(rank));
  const kept = issues.filter((found) => rank(found) === lowest);
  // Two rules (IsObject and ValidateNested) can say the same thing: one message per problem.
  return kept.filter((found, index) => kept.findIndex((other) => other.code === found.code) === index);
}

/** Whether a value counts as not given at all: absent, null, or text with nothing in it. */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
