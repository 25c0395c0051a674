import type { CaseVerification } from '../audit/case-verification';
import type { LogCheck } from '../transparency-log/log-inclusion-check';
import type { RecordedEventsCheck } from '../audit/recorded-events-check';
import type { NewerCheckpointCheck } from '../audit/newer-checkpoint-check';
import type { StoreAuditSummary } from '../audit/store-audit';
import type { HistorySource } from '../audit/workflow-replayer';
import type { CliOutput } from './command';

type Line = readonly [check: string, passed: boolean | 'unavailable', detail: string];

/** Prints one case's verification as a line per check, then the verdict. */
export function printCaseVerification(output: CliOutput, verification: CaseVerification, heading: string, newer?: NewerCheckpointCheck): void {
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
  lines.push(recordedLine(verification.recordedEvents), logLine(verification.log));
  if (newer) lines.push(newerLine(newer));
  output.out(heading);
  for (const [check, passed, detail] of lines) output.out(`  ${check.padEnd(11)} ${mark(passed).padEnd(11)} ${detail}`);
  const failed = lines.filter(([, passed]) => passed !== true).length;
  // The verdict comes last and covers every line above it, the newer checkpoint's included.
  output.out(failed === 0 && verification.valid ? 'VERIFIED: every check passed' : `NOT VERIFIED: ${count(Math.max(failed, 1), 'check')} did not pass`);
}

function recordedLine(check: RecordedEventsCheck): Line {
  const passed = check.status === 'unavailable' ? 'unavailable' : check.status === 'passed';
  const detail = check.status === 'passed' ? `${count(check.comparedEvents, 'event')} as ${count(check.recordings, 'recording')} in the histories recorded them`
    : check.firstMismatch?.problem ?? check.problem ?? '';
  return ['recorded', passed, detail];
}

// Pending is no finding: the events arrived after the last checkpoint, and the next one will cover them.
function logLine(log: LogCheck): Line {
  const passed = log.status === 'unavailable' ? 'unavailable' : log.status !== 'failed';
  const detail = log.status === 'passed' ? `${count(log.coveredEvents, 'event')} included in checkpoint ${log.checkpointSize} (key ${log.keyId})`
    + (log.pendingEvents > 0 ? `, ${log.pendingEvents} after it` : '')
    : log.status === 'pending' ? `no checkpoint covers these ${count(log.pendingEvents, 'event')} yet`
      : `${log.firstInvalidVersion === null ? '' : `version ${log.firstInvalidVersion}: `}${log.problem}`;
  return ['log', passed, detail];
}

// Whether a newer checkpoint extends the bundle's.
function newerLine(check: NewerCheckpointCheck): Line {
  const detail = check.status === 'passed' ? `checkpoint ${check.toSize} extends the bundle's checkpoint ${check.fromSize}` : check.problem ?? '';
  return ['newer', check.status === 'unavailable' ? 'unavailable' : check.status === 'passed', detail];
}

/**
 * Prints what auditing the whole store found: the totals, each failing case with its first broken version, then the
 * transparency log's size and checkpoints with each of its findings.
 */
export function printStoreAudit(output: CliOutput, summary: StoreAuditSummary, seconds: number): void {
  output.out(`${count(summary.cases, 'case')}, ${count(summary.events, 'event')} checked in ${seconds.toFixed(1)} s: ${count(summary.failures.length, 'failure')}`);
  for (const failure of summary.failures) {
    output.out(`  FAILED case ${failure.caseId} at version ${failure.version ?? '-'}: ${failure.problem}`);
  }
  const { log } = summary;
  const checkpoints = log.latestCheckpoint === null ? 'no checkpoint yet' : `${count(log.checkpoints, 'checkpoint')} up to ${log.latestCheckpoint} leaves`;
  output.out(`transparency log of ${count(log.treeSize, 'leaf', 'leaves')}, ${checkpoints}: ${count(log.findings.length, 'failure')}`);
  for (const finding of log.findings) {
    const where = finding.caseId === undefined ? '' : ` case ${finding.caseId} at version ${finding.version ?? '-'}`;
    output.out(`  FAILED log${where}: ${finding.problem}`);
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
