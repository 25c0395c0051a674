import { BadRequestException, Logger, ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ProblemCode } from '../i18n/catalogue/codes';
import type { TextParams } from '../i18n/catalogue/render-text';
import { mostBasic, problemOf } from './constraint-problems';
import { englishProblem, issue, type FieldIssue, type FieldIssues } from './field-issue';
import { refusal } from './refusal';

const logger = new Logger('Validation');

/** The global pipe: unknown fields are refused, and every answer names the offending fields and their coded problems. */
export function brigadeValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    // The object and the value let a problem name its parameters (the region that would fit, the rule's maximum); they
    // are read here and never sent.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => invalidFields(flatten(errors)),
  });
}

/** A 400 about these fields, in the one shape every refused input has, whichever check found it. */
export function invalidFields(fields: readonly FieldIssues[]): BadRequestException {
  const english = fields.flatMap((field) => field.issues.map((found) => englishProblem(found, field.field))).join(' ');
  return new BadRequestException({ ...refusal('invalid_input'), message: english, fields });
}

/** A 400 about one field, in the body the validation pipe gives, so that every 400 names its field the same way. */
export function invalidField(field: string, code: ProblemCode, params: TextParams = {}): BadRequestException {
  return invalidFields([{ field, issues: [issue(code, params)] }]);
}

function flatten(errors: readonly ValidationError[], prefix = ''): FieldIssues[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const names = Object.keys(error.constraints ?? {});
    const own = names.length > 0 ? [{ field, issues: mostBasic(names.map((name) => issueOf(error, name))) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function issueOf(error: ValidationError, constraint: string): FieldIssue {
  const object = error.target ?? {};
  const found = problemOf(constraint, {
    value: error.value, object, constraints: constraintsOf(object, error.property, constraint), optional: mayBeLeftOut(object, error.property),
  }, error.contexts?.[constraint]);
  if (found) return found;
  // The catalogue test lists every rule in use, so this is a rule added without a problem code: say something true.
  logger.warn(`constraint ${constraint} has no problem code; answered wrong_format`);
  return issue('wrong_format');
}

// class-validator hands an exception factory the rule's name but not its constraints (the 200 of MaxLength(200)).
function constraintsOf(object: object, property: string, constraint: string): readonly unknown[] {
  return rulesOf(object).find((rule) => rule.propertyName === property && (rule.name ?? rule.type) === constraint)?.constraints ?? [];
}

// Whether a condition of the field (IsOptional's, or a ValidateIf's such as "reason only when rejecting") would skip it,
// were it left out of this object.
function mayBeLeftOut(object: object, property: string): boolean {
  const conditions = rulesOf(object).filter((rule) => rule.propertyName === property && rule.type === ValidationTypes.CONDITIONAL_VALIDATION);
  // Copied only for a field that has a condition: a body of thousands of unknown fields would otherwise be copied once
  // per field, which took ten seconds for 5,000 of them.
  if (conditions.length === 0) return false;
  const without = { ...object, [property]: undefined };
  return conditions.some((rule) => !(rule.constraints[0] as (object: object, value: unknown) => boolean)(without, undefined));
}

// The rules of a class are fixed once its decorators have run, while asking the storage for them filters every rule of
// every class: kept per class, so that a request with many problems does not pay for that once per problem.
const rulesByClass = new WeakMap<object, ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>>();

function rulesOf(object: object) {
  const known = rulesByClass.get(object.constructor);
  if (known) return known;
  const rules = getMetadataStorage().getTargetValidationMetadatas(object.constructor, '', true, false);
  rulesByClass.set(object.constructor, rules);
  return rules;
}
