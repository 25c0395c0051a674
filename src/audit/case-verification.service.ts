import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { AesGcmPayloadCodec } from '../crypto/aes-gcm-payload-codec';
import { foldHistory } from '../domain/case-history';
import type { StoredCaseEvent } from '../event-store/event-store.port';
import { HISTORY_ARCHIVE, type HistoryArchive } from '../history-archive/history-archive.port';
import { auditBundle, type AuditBundle } from './audit-bundle';
import { fetchCaseWorkflowHistories, type FetchedHistory } from './case-workflow-histories';
import { caseVerification, foldCheckOf, type CaseVerification } from './case-verification';
import { checkProjection } from './projection-check';
import { RecordedCaseReader } from './recorded-case.reader';
import { replayHistories } from './workflow-replayer';

/**
 * Verifies a case end to end (hash chain, fold, read model, workflow replay from Temporal or the archive) and exports
 * it for offline checking.
 */
@Injectable()
export class CaseVerificationService {
  constructor(
    private readonly records: RecordedCaseReader,
    private readonly client: Client,
    private readonly codec: AesGcmPayloadCodec,
    @Inject(HISTORY_ARCHIVE) private readonly archive: HistoryArchive,
  ) {}

  async verify(caseId: string): Promise<CaseVerification> {
    return (await this.inspect(caseId)).verification;
  }

  async export(caseId: string): Promise<AuditBundle> {
    const { events, histories, verification } = await this.inspect(caseId);
    return auditBundle({ caseId, exportedAt: new Date().toISOString(), events, histories, verification });
  }

  private async inspect(caseId: string): Promise<{ events: readonly StoredCaseEvent[]; histories: readonly FetchedHistory[]; verification: CaseVerification }> {
    const { events, chain, projection } = await this.records.read(caseId);
    // The archive stands in for Temporal past its retention; the events anchor each archived copy's hash.
    const { histories, missing } = await fetchCaseWorkflowHistories(this.client, caseId, { archived: await this.archive.findByCase(caseId), events });
    const fold = foldHistory(events);
    const verification = caseVerification({
      caseId,
      chain,
      fold: foldCheckOf(fold),
      projection: checkProjection(projection, events, fold),
      replay: await replayHistories(histories, missing, this.codec),
    });
    return { events, histories, verification };
  }
}
