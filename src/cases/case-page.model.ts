import { ApiProperty } from '@nestjs/swagger';
import {
  CASE_CATEGORIES, CASE_STAGES, RISK_LEVELS, SAFETY_REGIONS,
  type CaseCategory, type CaseStage, type RiskLevel, type SafetyRegion,
} from '../domain/case.vocabulary';
import { PageModel } from '../http/page.model';
import type { CaseListItem } from './case-list-item.mapper';
import type { CasePage } from './case-list';
import { DEADLINE_KINDS, type NextDeadline } from '../domain/next-deadline';

/** The open deadline of a case that falls first, for the OpenAPI document. */
export class NextDeadlineModel implements NextDeadline {
  @ApiProperty({ format: 'date-time' }) readonly at!: string;
  @ApiProperty({ enum: DEADLINE_KINDS }) readonly kind!: NextDeadline['kind'];
  @ApiProperty({ description: 'The id of the offer, task, escalation or follow-up; for triage, the case id.', example: 'task-1' }) readonly id!: string;
}

/** One case in `GET /cases`, for the OpenAPI document. */
export class CaseListItemModel implements CaseListItem {
  @ApiProperty({ format: 'uuid' }) readonly caseId!: string;
  @ApiProperty({ enum: CASE_STAGES, enumName: 'CaseStage' }) readonly stage!: CaseStage;
  @ApiProperty({ enum: RISK_LEVELS, enumName: 'RiskLevel', nullable: true }) readonly riskLevel!: RiskLevel | null;
  @ApiProperty({ enum: CASE_CATEGORIES, enumName: 'CaseCategory' }) readonly category!: CaseCategory;
  @ApiProperty({ type: String, nullable: true, example: 'GM0637', description: 'The CBS code; null only for an old case whose name matched no register entry.' })
  readonly municipalityCode!: string | null;
  @ApiProperty({ example: 'Zoetermeer', description: 'The municipality\'s official name.' }) readonly municipality!: string;
  @ApiProperty({ enum: SAFETY_REGIONS, enumName: 'SafetyRegion' }) readonly safetyRegion!: SafetyRegion;
  @ApiProperty({ type: 'integer' }) readonly version!: number;
  @ApiProperty({ format: 'date-time' }) readonly updatedAt!: string;
  @ApiProperty({ type: NextDeadlineModel, nullable: true, description: 'Null when nothing is open or the case has ended.' })
  readonly nextDeadline!: NextDeadlineModel | null;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Open (unacknowledged) escalations; 0 once the case has ended.' })
  readonly openEscalations!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Messages about the case that could not be sent after every retry (see the outbox).' })
  readonly failedNotifications!: number;
  @ApiProperty({
    type: 'integer', nullable: true, minimum: 2,
    description: 'The attempt a workflow task of the case is at when it keeps failing, so that the case makes no progress (see docs/operations.md); null otherwise.',
  })
  readonly stuckWorkflowAttempts!: number | null;
}

/** One page of `GET /cases`, most recently changed first, for the OpenAPI document. */
export class CasePageModel extends PageModel implements CasePage {
  @ApiProperty({ type: [CaseListItemModel] }) readonly items!: readonly CaseListItemModel[];
}
