import type { CaseVerification } from '../audit/case-verification';
import type { StoreAuditSummary } from '../audit/store-audit';
import type { HistorySource } from '../audit/workflow-replayer';
import type { CliOutput } from './command';

type Line = readonly [check: string, passed: boolean | 'unavailable', detail: string];

/** Prints one case's verification as a line per check, then the verdict. */
export function printCaseVerification(output: CliOutput, verification: CaseVerification, heading: string): void {
  const { chain, fold, projection, replay } = verification;
  const lines: Line[] = [
    ['hash chain', chain.valid, chain.valid
      ? `${count(chain.eventCount, 'event')}, last hash ${chain.lastHash?.slice(0, 12) ?? 'none'}…`
      : `version ${chain.firstInvalidVersion}: ${chain.problem}`],
    ['event fold', fold.valid, fold.valid ? `folds into ${fold.stage ?? 'nothing (no events)'}` : `version ${fold.failedVersion}: ${fold.problem}`],
    ...(projection ? [['read model', projection.consistent, projection.problem ?? `agrees at version ${projection.recordedVersion}`] as Line] : []),
    ...replay.workflows.map((workflow): Line => [
      'replay', workflow.status === 'passed' ? true : workflow.status === 'unavailable' ? 'unavailable' : false,
      (workflow.status === 'passed' ? `${workflow.workflowId} passed`
        : `${workflow.workflowId}: ${workflow.errorType ? `${workflow.errorType}: ` : ''}${workflow.message}`) + fromWhere(workflow.source),
    ]),
  ];
  if (replay.workflows.length === 0) lines.push(['replay', 'unavailable', 'no workflow history to replay']);
  output.out(heading);
  for (const [check, passed, detail] of lines) output.out(`  ${check.padEnd(11)} ${mark(passed).padEnd(11)} ${detail}`);
  const failed = lines.filter(([, passed]) => passed !== true).length;
  output.out(verification.valid ? 'VERIFIED: every check passed' : `NOT VERIFIED: ${count(failed, 'check')} did not pass`);
}

/** Prints what auditing the whole store found: the totals, then each failing case with its first broken version. */
export function printStoreAudit(output: CliOutput, summary: StoreAuditSummary, seconds: number): void {
  output.out(`${count(summary.cases, 'case')}, ${count(summary.events, 'event')} checked in ${seconds.toFixed(1)} s: ${count(summary.failures.length, 'failure')}`);
  for (const failure of summary.failures) {
    output.out(`  FAILED case ${failure.caseId} at version ${failure.version ?? '-'}: ${failure.problem}`);
  }
}

/** A number with its noun, plural unless the number is one. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

function fromWhere(source: HistorySource | null): string {
  return source === null ? '' : ` (history from ${source === 'archive' ? 'the archive' : 'Temporal'})`;
}

function mark(passed: boolean | 'unavailable'): string {
  return passed === 'unavailable' ? 'UNAVAILABLE' : passed ? 'ok' : 'FAILED';
}
