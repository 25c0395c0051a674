import { ApiProperty } from '@nestjs/swagger';
import type { ChainVerification } from '../../event-store/event-store.port';
import type { CaseVerification, FoldCheck } from '../case-verification';
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

/** Everything an audit checks about a case, for the OpenAPI document. */
export class CaseVerificationModel implements CaseVerification {
  @ApiProperty({ format: 'uuid' }) readonly caseId!: string;
  @ApiProperty({ description: 'True only when the chain holds, the events fold, the read model agrees and the replay passed.' }) readonly valid!: boolean;
  @ApiProperty({ type: ChainVerificationModel }) readonly chain!: ChainVerificationModel;
  @ApiProperty({ type: FoldCheckModel }) readonly fold!: FoldCheckModel;
  @ApiProperty({ type: ProjectionCheckModel, nullable: true, description: 'Null in an offline check, which has no read model.' })
  readonly projection!: ProjectionCheckModel | null;
  @ApiProperty({ type: ReplayReportModel }) readonly replay!: ReplayReportModel;
}
