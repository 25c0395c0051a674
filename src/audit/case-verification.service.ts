import { Inject, Injectable } from '@nestjs/common';
import { CaseLogService, type CaseInclusionProofs } from '../checkpoints/case-log.service';
import { LOG_KEYS } from '../checkpoints/log-keys.provider';
import type { LogKeys } from '../checkpoints/log-keys';
import { AesGcmPayloadCodec } from '../crypto/aes-gcm-payload-codec';
import { foldHistory, type HistoryFold } from '../domain/case-history';
import type { StoredCaseEvent } from '../event-store/event-store.port';
import type { Payload } from '@temporalio/common';
import { CasePayloadCodec } from '../field-encryption/case-payload-codec';
import { SealedFieldUnreadableError } from '../field-encryption/field-encryption.errors';
import { DataKeyUnreadableError, KeyStoreUnavailableError } from '../key-store/key-store.errors';
import { SealedFieldsOpener } from '../field-encryption/sealed-fields-opener';
import type { RecordedPayloadReader } from './case-recordings';
import { HISTORY_ARCHIVE, type HistoryArchive } from '../history-archive/history-archive.port';
import { WORKFLOW_HISTORIES, type WorkflowHistories } from '../temporal/workflow-histories.port';
import { auditBundle, type AuditBundle } from './audit-bundle';
import { fetchCaseWorkflowHistories, type FetchedHistory } from './case-workflow-histories';
import { caseVerification, foldCheckOf, type CaseVerification } from './case-verification';
import { checkProjection, type ProjectionCheck, type RecordedProjection } from './projection-check';
import { RecordedCaseReader } from './recorded-case.reader';
import { Turns } from './turns';
import { checkRecordedEvents, eventsTheWorkflowRecorded } from './recorded-events-check';
import { replayHistories, type WorkflowReplay } from './workflow-replayer';
import { checkArchivedHistory } from './archived-history-check';
import { AuditWorkers } from './audit-workers';
import { verifyStoredChainOn } from './parallel-chain-check';

interface Inspection {
  readonly events: readonly StoredCaseEvent[];
  readonly histories: readonly FetchedHistory[];
  readonly verification: CaseVerification;
  readonly proofs: CaseInclusionProofs;
}

/**
 * Verifies a case end to end (hash chain, fold, read model, workflow replay from Temporal or the archive, the events
 * against the recordings, the transparency log) and exports it for offline checking.
 */
@Injectable()
export class CaseVerificationService {
  constructor(
    private readonly records: RecordedCaseReader,
    @Inject(WORKFLOW_HISTORIES) private readonly temporal: WorkflowHistories,
    private readonly codec: AesGcmPayloadCodec,
    @Inject(HISTORY_ARCHIVE) private readonly archive: HistoryArchive,
    private readonly caseLog: CaseLogService,
    @Inject(LOG_KEYS) private readonly logKeys: LogKeys,
    private readonly opener: SealedFieldsOpener,
    private readonly caseFields: CasePayloadCodec,
    private readonly workers: AuditWorkers,
  ) {}

  async verify(caseId: string): Promise<CaseVerification> {
    return (await this.inspect(caseId)).verification;
  }

  async export(caseId: string): Promise<AuditBundle> {
    const { events, histories, verification, proofs } = await this.inspect(caseId);
    return auditBundle({ caseId, exportedAt: new Date().toISOString(), events, histories, verification, proofs, logKeys: this.logKeys });
  }

  // Two cases inspected at once at most per process; further auditors wait their turn instead of exhausting memory.
  private readonly turns = new Turns(2);

  private inspect(caseId: string): Promise<Inspection> {
    return this.turns.take(() => this.inspectNow(caseId));
  }

  private async inspectNow(caseId: string): Promise<Inspection> {
    const { events, projection } = await this.records.read(caseId);
    // The log's leaves and the histories are asked for first: the database and Temporal answer while this thread
    // hashes, folds and opens the events. Each is awaited below; meanwhile a failure must not count as unhandled.
    const logged = this.caseLog.check(caseId, events, Math.max(events.at(-1)?.version ?? 0, projection?.version ?? 0));
    const found = this.workflowHistories(caseId, events);
    for (const pending of [logged, found]) pending.catch(() => undefined);
    // The chain's hashes are recomputed on the worker threads, where there are any, while this thread checks the rest.
    const chainCheck = verifyStoredChainOn(this.workers, caseId, events, projection);
    chainCheck.catch(() => undefined);
    const fold = foldHistory(events);
    // Opened once, for both the read model's comparison and the recordings'.
    const opened = await this.openedIfPossible(events);
    const { histories, missing } = await found;
    const { check: log, proofs } = await logged;
    const verification = caseVerification({
      caseId,
      fold: foldCheckOf(fold),
      projection: await this.projectionCheck(projection, events, fold, opened),
      replay: await replayHistories(histories, missing, this.codec),
      // Both sides opened: the stored events through the opener, what Temporal recorded through both codecs.
      recordedEvents: await checkRecordedEvents(caseId, eventsTheWorkflowRecorded(opened ?? events), histories, this.recordingReader()),
      log,
      chain: await chainCheck,
    });
    return { events, histories, verification, proofs };
  }

  // The case's workflow histories from Temporal or the archive, and a finding for each that cannot be replayed.
  private async workflowHistories(caseId: string, events: readonly StoredCaseEvent[]): Promise<{ histories: readonly FetchedHistory[]; missing: WorkflowReplay[] }> {
    // The archive stands in for Temporal past its retention; the events anchor each archived copy's hash.
    const archived = await this.archive.findByCase(caseId);
    const fetched = await fetchCaseWorkflowHistories(this.temporal, caseId, { archived, events });
    // Every archived copy answers to the chain even while Temporal still serves the history: a receipt cut from the
    // stream, or a copy altered before it is needed, shows now rather than once the retention has passed.
    const missing = [...fetched.missing, ...archived
      .map((copy) => checkArchivedHistory(copy, events))
      .filter((finding): finding is WorkflowReplay => finding !== null && !fetched.missing.some((known) => known.workflowId === finding.workflowId))];
    return { histories: fetched.histories, missing };
  }

  // With the case's keys at hand, the read model's opened values are compared with the fold of the opened events: a
  // value swapped between fields, or a plain text put in place of a sealed one, shows. Without them, presence only.
  private async projectionCheck(
    projection: RecordedProjection | null, events: readonly StoredCaseEvent[], fold: HistoryFold, openedEvents: readonly StoredCaseEvent[] | null,
  ): Promise<ProjectionCheck> {
    const keyless = checkProjection(projection, events, fold);
    if (!keyless.consistent || projection === null || openedEvents === null) return keyless;
    try {
      const openedRow = { ...projection, state: await this.opener.openState(projection.state) };
      return checkProjection(openedRow, openedEvents, foldHistory(openedEvents), true);
    } catch (error) {
      // The events open but the row does not: a sealed value was moved into it from another field or case.
      if (!(error instanceof SealedFieldUnreadableError)) throw error;
      return { consistent: false, recordedVersion: projection.version, problem: `the read model's ${error.field} does not open under key ${error.keyId}: ${error.detail}` };
    }
  }

  // Verification needs no data key: where one is out of reach or damaged (null), the fields stay sealed and are not
  // compared, while the chain, which covers their ciphertext, still is.
  private async openedIfPossible(events: readonly StoredCaseEvent[]): Promise<readonly StoredCaseEvent[] | null> {
    try {
      return await this.opener.openEvents(events);
    } catch (error) {
      if (isKeyTrouble(error)) return null;
      throw error;
    }
  }

  // Decrypts with the payload keys, then opens the case's sealed payload fields with its data keys, as the worker does;
  // closed (read as redacted, so not compared) where a data key is out of reach or damaged.
  private recordingReader(): RecordedPayloadReader {
    const { codec, caseFields } = this;
    const decode = async (payloads: Payload[]) => {
      const decrypted = await codec.decode(payloads);
      return caseFields.decode(decrypted).catch((error: unknown) => {
        if (isKeyTrouble(error)) return FIELDS_CLOSED.decode(decrypted);
        throw error;
      });
    };
    return { keyIds: codec.keyIds, keySource: codec.keySource, decode };
  }
}

const FIELDS_CLOSED = new CasePayloadCodec(null);

function isKeyTrouble(error: unknown): boolean {
  return error instanceof SealedFieldUnreadableError || error instanceof DataKeyUnreadableError || error instanceof KeyStoreUnavailableError;
}
