import type { CodedText, ProblemCode } from '../i18n/catalogue/codes';
import { problemsEn } from '../i18n/catalogue/problems.en';
import { fillText, type TextParams } from '../i18n/catalogue/render-text';

/** A problem with one field: its code, and the parameters its text is filled with. */
export type FieldIssue = CodedText<ProblemCode>;

/** The problems of one field of a refused request, before they are put in the caller's words. */
export interface FieldIssues {
  readonly field: string;
  readonly issues: readonly FieldIssue[];
}

/** A field issue with these parameters. */
export function issue(code: ProblemCode, params: TextParams = {}): FieldIssue {
  return { code, params };
}

/** A field issue in English, naming the field as given: for logs and class-validator's own messages, never for people. */
export function englishProblem(found: FieldIssue, field: string): string {
  return fillText(problemsEn[found.code], { ...found.params, field });
}
