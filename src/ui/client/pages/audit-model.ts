import { dutchDateTimeFormat } from '../dutch-time';

/** How replaying a case's workflow histories with today's code went. */
export type AuditReplayStatus = 'passed' | 'diverged' | 'unavailable';

/** The answer of `GET /cases/:id/verify`, as far as the page shows it. */
export interface AuditVerification {
  readonly caseId: string;
  readonly valid: boolean;
  readonly chain: { readonly valid: boolean; readonly eventCount: number; readonly firstInvalidVersion: number | null; readonly problem: string | null };
  readonly fold: { readonly valid: boolean; readonly failedVersion: number | null; readonly problem: string | null };
  readonly projection: { readonly consistent: boolean; readonly problem: string | null } | null;
  readonly replay: {
    readonly status: AuditReplayStatus;
    readonly workflows: ReadonlyArray<{ readonly workflowId: string; readonly status: AuditReplayStatus; readonly message: string | null }>;
  };
  /** The stored events compared one by one with the events the workflow histories recorded. */
  readonly recordedEvents: { readonly status: 'passed' | 'mismatch' | 'unavailable'; readonly problem: string | null };
  /** The events in the transparency log: `pending` while no checkpoint covers them yet, which is no finding. */
  readonly log: { readonly status: 'passed' | 'pending' | 'failed' | 'unavailable'; readonly problem: string | null };
}

/** The checks a verification reports, in the order the page lists them. */
export type AuditCheckName = 'chain' | 'fold' | 'projection' | 'replay' | 'recorded' | 'log';

/** One check of a verification: whether it passed (null when it does not apply) and, if not, why. */
export interface AuditCheck {
  readonly name: AuditCheckName;
  readonly passed: boolean | null;
  readonly problem: string | null;
}

/** The verification as a list of checks, each passed or failed with the server's reason. */
export function auditChecks(verification: AuditVerification): AuditCheck[] {
  const { chain, fold, projection, replay, recordedEvents, log } = verification;
  const divergence = replay.workflows.find((w) => w.status !== 'passed');
  return [
    { name: 'chain', passed: chain.valid, problem: chain.valid ? null : `v${chain.firstInvalidVersion ?? '?'}: ${chain.problem ?? ''}` },
    { name: 'fold', passed: fold.valid, problem: fold.valid ? null : `v${fold.failedVersion ?? '?'}: ${fold.problem ?? ''}` },
    { name: 'projection', passed: projection ? projection.consistent : null, problem: projection?.problem ?? null },
    {
      name: 'replay',
      passed: replay.status === 'passed',
      problem: divergence ? `${divergence.workflowId}: ${divergence.status}${divergence.message ? ` — ${divergence.message}` : ''}` : null,
    },
    { name: 'recorded', passed: recordedEvents.status === 'passed', problem: recordedEvents.problem },
    { name: 'log', passed: log.status === 'passed' || log.status === 'pending', problem: log.problem },
  ];
}

/** When an event occurred, to the second, in Dutch time as the auditor's language writes it: recorded facts often share a minute. */
export function auditTime(iso: string, locale: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dutchDateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

/** The first characters of a SHA-256 hash, enough to tell hashes apart by eye; the page keeps the whole one in a title. */
export function shortHash(hash: string, length = 12): string {
  return hash.length > length ? `${hash.slice(0, length)}…` : hash;
}

/** The file name the export download is saved under, the same one the server's Content-Disposition names. */
export function exportFileName(caseId: string): string {
  return `case-${caseId}.audit.json`;
}

/** A version the slider may show: a whole number from 1 to the last version. */
export function clampVersion(value: number, lastVersion: number): number {
  if (!Number.isFinite(value)) return lastVersion;
  return Math.min(Math.max(1, Math.round(value)), Math.max(1, lastVersion));
}
