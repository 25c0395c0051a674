import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { StoredCaseEvent } from '../event-store/event-store.port';
import type { FetchedHistory } from './case-workflow-histories';
import type { CaseInclusionProofs } from '../checkpoints/case-log.service';
import type { CaseVerification } from './case-verification';
import type { LogEntry } from '../transparency-log/log-inclusion-check';
import type { HistorySource } from './workflow-replayer';

/** The format marker of an audit bundle, so that a reader knows what it holds. */
export const AUDIT_BUNDLE_FORMAT = 'brigade-case-audit';
/** The bundle layout version written today; a reader refuses layouts it does not know. */
export const AUDIT_BUNDLE_VERSION = 2;
/** The layouts a reader accepts: 1 (before the transparency log, so its log check is unavailable) and 2. */
export const READABLE_BUNDLE_VERSIONS: readonly number[] = [1, 2];

/** A workflow history in a bundle, in the JSON form `historyToJSON` writes and replay reads back. */
export interface BundledHistory {
  readonly workflowId: string;
  readonly history: { readonly events: readonly unknown[] };
  /** Where the server read the history; absent in bundles exported before the archive. */
  readonly source?: HistorySource;
  /** For an archived history, its archived proto bytes (base64): the offline check reads them, and checks their SHA-256 against the chain. */
  readonly archived?: string;
}

/** The case's place in the transparency log: the checkpoint checked against, its key, and each event's inclusion proof. */
export interface BundledLogProofs {
  readonly origin: string;
  /** The id of the key that signed the checkpoint; the offline check takes the key itself from its reader (`--key`). */
  readonly keyId: string;
  /** The checkpoint as a signed note, or null when none had been made at export. */
  readonly checkpoint: string | null;
  readonly entries: readonly LogEntry[];
}

/** Everything needed to check a case without Brigade's database or Temporal: its events, its histories, the server's verdict. */
export interface AuditBundle {
  readonly format: typeof AUDIT_BUNDLE_FORMAT;
  readonly formatVersion: number;
  readonly caseId: string;
  readonly exportedAt: string;
  /** The events exactly as stored, with their envelopes and hashes. */
  readonly events: readonly StoredCaseEvent[];
  /** The case workflow's history and those of its escalation ladders, from Temporal or, past its retention, the archive. */
  readonly workflowHistories: readonly BundledHistory[];
  /** The checkpoint and inclusion proofs; absent in layout 1. */
  readonly log?: BundledLogProofs;
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
  proofs: CaseInclusionProofs;
  logKeys: { readonly origin: string; readonly keyId: string };
}): AuditBundle {
  return {
    format: AUDIT_BUNDLE_FORMAT,
    formatVersion: AUDIT_BUNDLE_VERSION,
    caseId: parts.caseId,
    exportedAt: parts.exportedAt,
    events: parts.events,
    workflowHistories: parts.histories.map(({ workflowId, history, source, archivedBytes }) => ({
      workflowId, history: JSON.parse(historyToJSON(history)), source,
      ...(archivedBytes && { archived: Buffer.from(archivedBytes).toString('base64') }),
    })),
    log: {
      origin: parts.logKeys.origin, keyId: parts.proofs.checkpoint?.keyId ?? parts.logKeys.keyId,
      checkpoint: parts.proofs.checkpoint?.signedNote ?? null, entries: parts.proofs.entries,
    },
    verification: parts.verification,
  };
}
