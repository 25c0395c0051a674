import { ApiProperty } from '@nestjs/swagger';
import { StoredCaseEventModel } from '../../http/models/case-event.model';
import type { StoredCaseEvent } from '../../event-store/event-store.port';
import { AUDIT_BUNDLE_FORMAT, AUDIT_BUNDLE_VERSION, type AuditBundle, type BundledHistory } from '../audit-bundle';
import type { HistorySource } from '../workflow-replayer';
import { CaseVerificationModel } from './case-verification.model';

/** A workflow history in an audit bundle, for the OpenAPI document. */
export class BundledHistoryModel implements BundledHistory {
  @ApiProperty({ example: 'case-5b1d0c7e-3f0a-4c43-9a51-7f1e2d4c8a10' }) readonly workflowId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "Temporal's history in its JSON form (`{ events: [...] }`)." })
  readonly history!: { readonly events: readonly unknown[] };
  @ApiProperty({ enum: ['temporal', 'archive'], enumName: 'HistorySource', required: false, description: 'Where the server read the history.' })
  readonly source?: HistorySource;
}

/** A self-contained audit bundle, for the OpenAPI document. */
export class AuditBundleModel implements AuditBundle {
  @ApiProperty({ enum: [AUDIT_BUNDLE_FORMAT] }) readonly format!: typeof AUDIT_BUNDLE_FORMAT;
  @ApiProperty({ enum: [AUDIT_BUNDLE_VERSION] }) readonly formatVersion!: typeof AUDIT_BUNDLE_VERSION;
  @ApiProperty({ format: 'uuid' }) readonly caseId!: string;
  @ApiProperty({ format: 'date-time' }) readonly exportedAt!: string;
  @ApiProperty({ type: [StoredCaseEventModel], description: 'The events exactly as stored, hashes included.' })
  readonly events!: StoredCaseEvent[];
  @ApiProperty({ type: [BundledHistoryModel], description: "The case workflow and its escalation ladders, as Temporal held them at export, or as archived once past Temporal's retention." })
  readonly workflowHistories!: BundledHistoryModel[];
  @ApiProperty({ type: CaseVerificationModel, description: "The server's verification at export; `brigade audit verify <file>` recomputes it." })
  readonly verification!: CaseVerificationModel;
}
