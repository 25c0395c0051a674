import { ApiProperty } from '@nestjs/swagger';
import type { ChainVerification } from '../../event-store/event-store.port';
import type { CaseVerification, FoldCheck } from '../case-verification';
import type { LogCheck, LogCheckStatus } from '../../transparency-log/log-inclusion-check';
import type { RecordedEventMismatch, RecordedEventsCheck, RecordedEventsStatus } from '../recorded-events-check';
import type { ProjectionCheck } from '../projection-check';
import type { HistorySource, ReplayReport, ReplayStatus, WorkflowReplay } from '../workflow-replayer';

const REPLAY_STATUSES: ReplayStatus[] = ['passed', 'diverged', 'unavailable'];
const HISTORY_SOURCES: HistorySource[] = ['temporal', 'archive'];

/** The recomputed hash chain, for the OpenAPI document. */
export class ChainVerificationModel implements ChainVerification {
  @ApiProperty({ format: 'uuid' }) readonly caseId!: string;
  @ApiProperty() readonly valid!: boolean;
  @ApiProperty({ type: 'integer' }) readonly eventCount!: number;
  @ApiProperty({ type: String, nullable: true }) readonly lastHash!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The first version whose hash, link or position does not match.' })
  readonly firstInvalidVersion!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'hash does not match the event content' }) readonly problem!: string | null;
}

/** Whether the events fold with `evolve`, for the OpenAPI document. */
export class FoldCheckModel implements FoldCheck {
  @ApiProperty() readonly valid!: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'Closed', description: 'The stage the whole stream folds into.' }) readonly stage!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The first version `evolve` refused.' }) readonly failedVersion!: number | null;
  @ApiProperty({ type: String, nullable: true }) readonly problem!: string | null;
}

/** Whether the `cases` read model agrees with the events, for the OpenAPI document. */
export class ProjectionCheckModel implements ProjectionCheck {
  @ApiProperty() readonly consistent!: boolean;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The version the read model records.' }) readonly recordedVersion!: number | null;
  @ApiProperty({ type: String, nullable: true, example: "the read model's state differs from the fold of the events in: stage" })
  readonly problem!: string | null;
}

/** The replay of one workflow, for the OpenAPI document. */
export class WorkflowReplayModel implements WorkflowReplay {
  @ApiProperty({ example: 'case-5b1d0c7e-3f0a-4c43-9a51-7f1e2d4c8a10-esc-1' }) readonly workflowId!: string;
  @ApiProperty({ enum: REPLAY_STATUSES, enumName: 'ReplayStatus' }) readonly status!: ReplayStatus;
  @ApiProperty({ type: String, nullable: true, example: 'DeterminismViolationError' }) readonly errorType!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'What diverged, or why the history is unavailable.' }) readonly message!: string | null;
  @ApiProperty({
    enum: HISTORY_SOURCES, enumName: 'HistorySource', nullable: true,
    description: "Where the history was read: Temporal's copy while it has one, else the copy archived in Brigade's database when the workflow closed; null when neither has it.",
  })
  readonly source!: HistorySource | null;
}

/** The replay of a case's workflows with today's code, for the OpenAPI document. */
export class ReplayReportModel implements ReplayReport {
  @ApiProperty({
    enum: REPLAY_STATUSES, enumName: 'ReplayStatus',
    description: '`unavailable` when neither Temporal (past retention) nor the archive holds a history: not a pass.',
  })
  readonly status!: ReplayStatus;
  @ApiProperty({ type: [WorkflowReplayModel], description: 'The case workflow first, then its escalation ladders.' }) readonly workflows!: WorkflowReplayModel[];
  @ApiProperty({ type: WorkflowReplayModel, nullable: true }) readonly firstDivergence!: WorkflowReplayModel | null;
}

const RECORDED_STATUSES: RecordedEventsStatus[] = ['passed', 'mismatch', 'unavailable'];

/** The first difference between the stored events and the recorded ones, for the OpenAPI document. */
export class RecordedEventMismatchModel implements RecordedEventMismatch {
  @ApiProperty({ type: 'integer' }) readonly version!: number;
  @ApiProperty({ type: String, nullable: true, example: 'data.riskLevel', description: 'Null when a whole event is missing, unrecorded or doubled.' })
  readonly field!: string | null;
  @ApiProperty({ description: 'The stored value; `[redacted]` for a sensitive field, the event type for a whole-event finding.', example: 'LOW' })
  readonly stored!: unknown;
  @ApiProperty({ description: 'The value the workflow history recorded, likewise.', example: 'HIGH' }) readonly recorded!: unknown;
  @ApiProperty({ example: 'version 2 differs from what the workflow recorded in data.riskLevel' }) readonly problem!: string;
}

/** The event-by-event comparison with the workflow histories, for the OpenAPI document. */
export class RecordedEventsCheckModel implements RecordedEventsCheck {
  @ApiProperty({ format: 'uuid' }) readonly caseId!: string;
  @ApiProperty({ enum: RECORDED_STATUSES, enumName: 'RecordedEventsStatus', description: '`unavailable` when no history or payload key is at hand: not a pass.' })
  readonly status!: RecordedEventsStatus;
  @ApiProperty({ type: 'integer', description: 'Stored events compared with the recording that claims their version.' }) readonly comparedEvents!: number;
  @ApiProperty({ type: 'integer', description: 'recordCaseEvents calls found in the histories.' }) readonly recordings!: number;
  @ApiProperty({ type: RecordedEventMismatchModel, nullable: true }) readonly firstMismatch!: RecordedEventMismatchModel | null;
  @ApiProperty({ type: String, nullable: true }) readonly problem!: string | null;
}

const LOG_STATUSES: LogCheckStatus[] = ['passed', 'pending', 'failed', 'unavailable'];

/** The case's events in the transparency log, for the OpenAPI document. */
export class LogCheckModel implements LogCheck {
  @ApiProperty({
    enum: LOG_STATUSES, enumName: 'LogCheckStatus',
    description: '`pending` while no checkpoint covers the events yet (no finding); `unavailable` when no trusted public key is at hand (not a pass).',
  })
  readonly status!: LogCheckStatus;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The tree size of the checkpoint checked against.' }) readonly checkpointSize!: number | null;
  @ApiProperty({ type: String, nullable: true }) readonly rootHash!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '033de0ae' }) readonly keyId!: string | null;
  @ApiProperty({ type: 'integer', description: 'Events proven included in the checkpoint.' }) readonly coveredEvents!: number;
  @ApiProperty({ type: 'integer', description: 'Events recorded after the checkpoint.' }) readonly pendingEvents!: number;
  @ApiProperty({ type: 'integer', nullable: true }) readonly firstInvalidVersion!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'version 3 (leaf 41) is not included in checkpoint 120: the event or the log was changed after that checkpoint was signed' })
  readonly problem!: string | null;
}

/** Everything an audit checks about a case, for the OpenAPI document. */
export class CaseVerificationModel implements CaseVerification {
  @ApiProperty({ format: 'uuid' }) readonly caseId!: string;
  @ApiProperty({ description: 'True only when the chain holds, the events fold, the read model agrees, the replay passed, the events are those recorded and the log holds them.' }) readonly valid!: boolean;
  @ApiProperty({ type: ChainVerificationModel }) readonly chain!: ChainVerificationModel;
  @ApiProperty({ type: FoldCheckModel }) readonly fold!: FoldCheckModel;
  @ApiProperty({ type: ProjectionCheckModel, nullable: true, description: 'Null in an offline check, which has no read model.' })
  readonly projection!: ProjectionCheckModel | null;
  @ApiProperty({ type: ReplayReportModel }) readonly replay!: ReplayReportModel;
  @ApiProperty({ type: RecordedEventsCheckModel }) readonly recordedEvents!: RecordedEventsCheckModel;
  @ApiProperty({ type: LogCheckModel }) readonly log!: LogCheckModel;
}
