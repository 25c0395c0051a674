import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { screenshot } from './browser';
import { recordAxeSummary, type AxeImpactCounts } from './browser-axe-summary';

/** The WCAG 2.0 and 2.1 A and AA rules: what Dutch government sites must meet. */
export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

const FAILING_IMPACTS: ReadonlySet<string> = new Set(['serious', 'critical']);

/**
 * Runs axe-core on the page as it is now, records every violation's count under `label` in the summary file, and
 * throws a readable list when any violation is serious or critical.
 */
export async function checkAccessibility(page: Page, label: string): Promise<AxeImpactCounts> {
  const results = await new AxeBuilder({ page }).withTags([...WCAG_21_AA_TAGS]).analyze();
  const counts = impactCounts(results.violations);
  await recordAxeSummary(label, {
    url: page.url(),
    checkedAt: new Date().toISOString(),
    violations: counts,
    rules: results.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', nodes: v.nodes.length })),
    passedRules: results.passes.length,
  });
  const failing = results.violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ''));
  if (failing.length > 0) {
    throw new Error(`axe found ${failing.length} serious or critical violation(s) on "${label}" (${page.url()}):\n${failing.map(describe).join('\n')}`);
  }
  return counts;
}

/** How many violations of each impact axe found (a violation counts once however many elements it has). */
function impactCounts(violations: readonly AxeViolation[]): AxeImpactCounts {
  const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const violation of violations) {
    const impact = violation.impact ?? 'minor';
    if (impact in counts) counts[impact as keyof typeof counts] += 1;
  }
  return counts;
}

function describe(violation: AxeViolation): string {
  const targets = violation.nodes.slice(0, 5).map((node) => `      ${node.target.join(' ')}: ${node.failureSummary?.split('\n').join(' ') ?? ''}`);
  const more = violation.nodes.length > 5 ? [`      … and ${violation.nodes.length - 5} more`] : [];
  return [`  - [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})`, ...targets, ...more].join('\n');
}

/** Looks at a page the way the issue asks: a full-page screenshot named `name`, then axe under `label`. */
export async function recordPage(page: Page, name: string, label: string): Promise<void> {
  await screenshot(page, name);
  await checkAccessibility(page, label);
}
