import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { StoredCaseEvent } from '../event-store/event-store.port';
import type { FetchedHistory } from './case-workflow-histories';
import type { CaseVerification } from './case-verification';
import type { HistorySource } from './workflow-replayer';

/** The format marker of an audit bundle, so that a reader knows what it holds. */
export const AUDIT_BUNDLE_FORMAT = 'brigade-case-audit';
/** The bundle layout version; a reader refuses layouts it does not know. */
export const AUDIT_BUNDLE_VERSION = 1;

/** A workflow history in a bundle, in the JSON form `historyToJSON` writes and replay reads back. */
export interface BundledHistory {
  readonly workflowId: string;
  readonly history: { readonly events: readonly unknown[] };
  /** Where the server read the history; absent in bundles exported before the archive. */
  readonly source?: HistorySource;
}

/** Everything needed to check a case without Brigade's database or Temporal: its events, its histories, the server's verdict. */
export interface AuditBundle {
  readonly format: typeof AUDIT_BUNDLE_FORMAT;
  readonly formatVersion: typeof AUDIT_BUNDLE_VERSION;
  readonly caseId: string;
  readonly exportedAt: string;
  /** The events exactly as stored, with their envelopes and hashes. */
  readonly events: readonly StoredCaseEvent[];
  /** The case workflow's history and those of its escalation ladders, from Temporal or, past its retention, the archive. */
  readonly workflowHistories: readonly BundledHistory[];
  /** The verification the server made at export; an offline check recomputes it rather than trusting it. */
  readonly verification: CaseVerification;
}

/** Assembles a bundle from what the server read and verified. */
export function auditBundle(parts: {
  caseId: string;
  exportedAt: string;
  events: readonly StoredCaseEvent[];
  histories: readonly FetchedHistory[];
  verification: CaseVerification;
}): AuditBundle {
  return {
    format: AUDIT_BUNDLE_FORMAT,
    formatVersion: AUDIT_BUNDLE_VERSION,
    caseId: parts.caseId,
    exportedAt: parts.exportedAt,
    events: parts.events,
    workflowHistories: parts.histories.map(({ workflowId, history, source }) => ({ workflowId, history: JSON.parse(historyToJSON(history)), source })),
    verification: parts.verification,
  };
}
