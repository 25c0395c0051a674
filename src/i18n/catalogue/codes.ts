import { problemsNl } from './problems.nl';
import { refusalsNl } from './refusals.nl';
import type { TextParams } from './render-text';

/** A code for what is wrong with one field of a request (`required`, `too_long` …). */
export type ProblemCode = keyof typeof problemsNl;

/** A code for why the API refused or could not answer a request (`case_not_found`, `role_not_allowed` …). */
export type RefusalCode = keyof typeof refusalsNl;

/** Whether a value is a refusal code the catalogue has texts for (a workflow's coded refusal arrives untyped). */
export function isRefusalCode(value: unknown): value is RefusalCode {
  return typeof value === 'string' && Object.hasOwn(refusalsNl, value);
}

/** Whether a value is a problem code the catalogue has texts for (a workflow's refused input arrives untyped). */
export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && Object.hasOwn(problemsNl, value);
}

/** A coded text as the API answers it: the code, and the parameters its text is filled with. */
export interface CodedText<Code extends string = string> {
  readonly code: Code;
  readonly params: TextParams;
}

/** The catalogue key of a text in a namespace: `problems.required`. */
export function textKey(namespace: 'problems' | 'refusals', code: string): string {
  return `${namespace}.${code}`;
}

/**
 * The catalogue key of a field's label, from the field's path in the API: list positions are left out and levels are
 * joined by `/`, because a dot would make the catalogue read the path as nested groups (`officeHolder.name` →
 * `fields.officeHolder/name`, `unavailable.0.from` → `fields.unavailable/from`).
 */
export function fieldLabelKey(field: string): string {
  return `fields.${field.split('.').filter((part) => !/^\d+$/.test(part)).join('/')}`;
}
