import { CASE_CATEGORIES } from '../case.vocabulary';
import { parseRetentionPeriod } from './retention-period';
import { ANY, RETENTION_ACTIONS, RETENTION_OUTCOMES, type RetentionRule } from './retention-rules';
import { ruleFor } from './retention-schedule';

/** A retention schedule that cannot be used; the message names the rule and the field. */
export class InvalidRetentionRulesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRetentionRulesError';
  }
}

const RULE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const FIELDS = ['id', 'category', 'outcome', 'keepFor', 'action'];

/**
 * Checks a schedule read from a file: a list of rules, each with a valid id, category, outcome, period and action, no
 * two rules for the same category and outcome, and every category and outcome covered so that no ended case is left out.
 */
export function parseRetentionRules(value: unknown): RetentionRule[] {
  const list = Array.isArray(value) ? value : (value as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(list) || list.length === 0) throw new InvalidRetentionRulesError('the retention rules must be a non-empty list of rules (or {"rules": [...]})');
  const rules = list.map((entry, index) => parseRule(entry, index));
  const seen = new Map<string, string>();
  for (const rule of rules) {
    const match = `${rule.category}/${rule.outcome}`;
    if (seen.has(rule.id)) throw new InvalidRetentionRulesError(`retention rule "${rule.id}": two rules have this id`);
    const twin = [...seen.entries()].find(([, key]) => key === match);
    if (twin) throw new InvalidRetentionRulesError(`retention rule "${rule.id}": rule "${twin[0]}" already covers category ${rule.category} with outcome ${rule.outcome}`);
    seen.set(rule.id, match);
  }
  for (const category of CASE_CATEGORIES) {
    for (const outcome of RETENTION_OUTCOMES) {
      if (!ruleFor(rules, category, outcome)) {
        throw new InvalidRetentionRulesError(`the retention rules cover no ${category} case with outcome ${outcome}; add a rule for it (or one with "*")`);
      }
    }
  }
  return rules;
}

function parseRule(entry: unknown, index: number): RetentionRule {
  const where = `retention rule ${index + 1}`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new InvalidRetentionRulesError(`${where}: must be an object`);
  const rule = entry as Record<string, unknown>;
  const name = typeof rule.id === 'string' && RULE_ID.test(rule.id) ? `retention rule "${rule.id}"` : undefined;
  if (!name) throw new InvalidRetentionRulesError(`${where}: "id" must be 1 to 64 lower-case letters, digits or dashes, such as "threat-closed"`);
  const unknown = Object.keys(rule).find((key) => !FIELDS.includes(key));
  if (unknown) throw new InvalidRetentionRulesError(`${name}: unknown field "${unknown}" (allowed: ${FIELDS.join(', ')})`);
  if (!oneOf(rule.category, [ANY, ...CASE_CATEGORIES])) throw new InvalidRetentionRulesError(`${name}: "category" must be "*" or one of ${CASE_CATEGORIES.join(', ')}`);
  if (!oneOf(rule.outcome, [ANY, ...RETENTION_OUTCOMES])) throw new InvalidRetentionRulesError(`${name}: "outcome" must be "*" or one of ${RETENTION_OUTCOMES.join(', ')}`);
  if (typeof rule.keepFor !== 'string' || !parseRetentionPeriod(rule.keepFor)) {
    throw new InvalidRetentionRulesError(`${name}: "keepFor" must be an ISO-8601 period in years, months, weeks or days, such as "P5Y" or "P90D"`);
  }
  if (!oneOf(rule.action, RETENTION_ACTIONS)) throw new InvalidRetentionRulesError(`${name}: "action" must be one of ${RETENTION_ACTIONS.join(', ')}`);
  return rule as unknown as RetentionRule;
}

function oneOf(value: unknown, allowed: readonly string[]): boolean {
  return typeof value === 'string' && allowed.includes(value);
}
