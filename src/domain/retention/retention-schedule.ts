import type { CaseEventType } from '../case.events';
import type { CaseCategory, CaseStage } from '../case.vocabulary';
import { addRetentionPeriod, parseRetentionPeriod } from './retention-period';
import { ANY, type RetentionOutcome, type RetentionRule } from './retention-rules';

/** The outcome a case's final event stands for, or undefined when the event does not end a case. */
export function outcomeOfFinalEvent(type: CaseEventType): RetentionOutcome | undefined {
  if (type === 'CaseClosed') return 'closed';
  if (type === 'CaseCancelled') return 'cancelled';
  if (type === 'RequestRejected') return 'rejected';
  return undefined;
}

/** The outcome of a case in a final stage (the stage its final event folded to), or undefined while it runs. */
export function outcomeOfStage(stage: CaseStage): RetentionOutcome | undefined {
  if (stage === 'Closed') return 'closed';
  if (stage === 'Cancelled') return 'cancelled';
  if (stage === 'Rejected') return 'rejected';
  return undefined;
}

/** The rule for a category and outcome: an exact rule first, then one for the category, then for the outcome, then `*`. */
export function ruleFor(rules: readonly RetentionRule[], category: CaseCategory, outcome: RetentionOutcome): RetentionRule | undefined {
  const specificity = (rule: RetentionRule) => (rule.category === ANY ? 0 : 2) + (rule.outcome === ANY ? 0 : 1);
  return rules
    .filter((rule) => (rule.category === ANY || rule.category === category) && (rule.outcome === ANY || rule.outcome === outcome))
    .sort((a, b) => specificity(b) - specificity(a))[0];
}

/** An ended case as the retention review sees it. */
export interface EndedCase {
  readonly caseId: string;
  readonly category: CaseCategory;
  readonly outcome: RetentionOutcome;
  /** When its final event happened. */
  readonly endedAt: string;
}

/** What the schedule says of an ended case: its rule, when its period ends, and whether that is past. */
export interface RetentionDecision {
  readonly rule: RetentionRule;
  readonly dueAt: string;
  readonly due: boolean;
}

/** Applies the schedule to an ended case at `nowIso`; undefined when no rule covers it (a validated schedule covers all). */
export function retentionOf(rules: readonly RetentionRule[], ended: EndedCase, nowIso: string): RetentionDecision | undefined {
  const rule = ruleFor(rules, ended.category, ended.outcome);
  const period = rule && parseRetentionPeriod(rule.keepFor);
  if (!rule || !period) return undefined;
  const dueAt = addRetentionPeriod(ended.endedAt, period);
  return { rule, dueAt, due: Date.parse(dueAt) <= Date.parse(nowIso) };
}
