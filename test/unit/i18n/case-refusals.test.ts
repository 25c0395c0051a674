import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'glob';
import ts from 'typescript';
import { CASE_INPUT_PROBLEMS, CASE_REFUSAL_CODES } from '../../../src/domain/case-refusal-codes';
import { CATALOGUE } from '../../../src/i18n/catalogue/catalogue';
import type { TextGroup } from '../../../src/i18n/catalogue/catalogue-shape';
import { fieldLabelKey, textKey, type ProblemCode, type RefusalCode } from '../../../src/i18n/catalogue/codes';
import { findText } from '../../../src/i18n/catalogue/render-text';

const ROOT = join(__dirname, '../../..');

// The compiler refuses a workflow code or problem the catalogue has no text for.
const REFUSALS: readonly RefusalCode[] = CASE_REFUSAL_CODES;
const PROBLEMS: readonly ProblemCode[] = CASE_INPUT_PROBLEMS;

/** Where a refusal helper puts its code among its arguments: `conflict(message, code)`, `invalid(message, field, problem)`. */
const CODE_ARGUMENT: Readonly<Record<string, { readonly at: number; readonly namespace: 'refusals' | 'problems' }>> = {
  conflict: { at: 1, namespace: 'refusals' },
  notFound: { at: 1, namespace: 'refusals' },
  forbidden: { at: 1, namespace: 'refusals' },
  assignedExpertOnly: { at: 3, namespace: 'refusals' },
  invalid: { at: 2, namespace: 'problems' },
};

/** Where a helper that refuses input names the field: `invalid(message, field, problem)`, `requireText(value, field)`. */
const FIELD_ARGUMENT: Readonly<Record<string, number>> = { invalid: 1, textRefusal: 1 };

interface HelperCall {
  readonly where: string;
  readonly helper: string;
  /** The literal codes (both, for `cond ? 'a' : 'b'`); none when the call passes its code on from a variable. */
  readonly codes: readonly string[];
  /** The field refused input names, when the call names it literally. */
  readonly field?: string;
}

/** Every call of a refusal helper in the rules (`decide`) and the workflow, read from the source, so no list has to be kept by hand. */
function helperCalls(): HelperCall[] {
  const files = [...globSync('workflows/**/*.ts', { cwd: ROOT }), ...globSync('src/domain/{case-refusal.ts,decide/**/*.ts}', { cwd: ROOT })];
  return files.flatMap((file) => {
    const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const calls: HelperCall[] = [];
    const visit = (node: ts.Node): void => {
      const helper = ts.isCallExpression(node) && ts.isIdentifier(node.expression) ? node.expression.text : '';
      if (ts.isCallExpression(node) && (CODE_ARGUMENT[helper] || FIELD_ARGUMENT[helper] !== undefined)) {
        const argument = CODE_ARGUMENT[helper] ? node.arguments[CODE_ARGUMENT[helper].at] : undefined;
        const field = FIELD_ARGUMENT[helper] !== undefined ? node.arguments[FIELD_ARGUMENT[helper]] : undefined;
        calls.push({
          where: `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`,
          helper,
          codes: argument ? literals(argument) : [],
          field: field && ts.isStringLiteral(field) ? field.text : undefined,
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return calls;
  });
}

function literals(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node)) return [node.text];
  if (ts.isConditionalExpression(node)) return [...literals(node.whenTrue), ...literals(node.whenFalse)];
  return [];
}

const has = (group: TextGroup, key: string) => findText(group, key) !== undefined;

describe('the codes the case workflow refuses with', () => {
  const calls = helperCalls();

  it('are found in the workflow code, where every refusal names its code', () => {
    const refusals = calls.filter((call) => CODE_ARGUMENT[call.helper]);

    expect(refusals.filter((call) => call.codes.length > 0).length).toBeGreaterThan(50);
    // Passed on: the helpers' own (scanned at their callers), `assignedExpertOnly` its callers' code, the conflict-of-interest refusal the domain's.
    expect(refusals.filter((call) => call.codes.length === 0).map((call) => call.where).sort()).toEqual([
      expect.stringMatching(/^src\/domain\/decide\/case-rules\.ts:/), expect.stringMatching(/^src\/domain\/decide\/matching-decisions\.ts:/),
    ]);
  });

  it('are each listed in the domain, and each listed one is used', () => {
    const used = new Set(calls.flatMap((call) => call.codes));
    const refusalsUsed = calls.filter((call) => CODE_ARGUMENT[call.helper]?.namespace === 'refusals').flatMap((call) => call.codes);
    const problemsUsed = calls.filter((call) => call.helper === 'invalid').flatMap((call) => call.codes);

    expect(refusalsUsed.filter((code) => !(CASE_REFUSAL_CODES as readonly string[]).includes(code))).toEqual([]);
    expect(problemsUsed.filter((code) => !(CASE_INPUT_PROBLEMS as readonly string[]).includes(code))).toEqual([]);
    // Listed but raised elsewhere: the journal's own refusal and the conflicts of interest; `case_closing` is kept for
    // older callers, though a closure on its way now seals the case and a second one hears `case_ended`.
    const raisedElsewhere = ['case_needs_reconciliation', 'conflict_of_interest_own_municipality', 'conflict_of_interest_declared', 'case_closing'];
    expect([...REFUSALS, ...PROBLEMS].filter((code) => !used.has(code) && !raisedElsewhere.includes(code))).toEqual([]);
  });

  it.each(['nl', 'en'] as const)('have a text in %s for every refusal and problem, and a label for every field', (language) => {
    const catalogue = CATALOGUE[language];

    expect(REFUSALS.filter((code) => !has(catalogue, textKey('refusals', code)))).toEqual([]);
    expect(PROBLEMS.filter((code) => !has(catalogue, textKey('problems', code)))).toEqual([]);
    const fields = [...new Set(calls.map((call) => call.field).filter((field): field is string => field !== undefined))];
    expect(fields.length).toBeGreaterThan(5);
    expect(fields.filter((field) => !has(catalogue, fieldLabelKey(field)))).toEqual([]);
  });
});
