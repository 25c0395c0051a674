import { ApiProperty } from '@nestjs/swagger';
import type { TeamMember } from '../../domain/case.events';
import type { CaseTask, CaseState, FollowUp, OpenEscalation, OpenOffer } from '../../domain/case.state';
import {
  CASE_CATEGORIES, CASE_STAGES, INTERVENTION_OUTCOMES, REQUESTER_ROLES, RISK_LEVELS, SAFETY_REGIONS,
  type CaseCategory, type CaseStage, type InterventionOutcome, type RequesterRole, type RiskLevel, type SafetyRegion, type TeamRole,
} from '../../domain/case.vocabulary';
import { ESCALATION_TRIGGERS, type EscalationTarget, type EscalationTrigger } from '../../domain/escalation-policy';
import { DomainTextModel } from './domain-text.model';

// The domain names these unions only as types; a record over each makes the compiler name any value the list misses.
const TEAM_ROLES = Object.keys({ lead: 1, support: 1 } satisfies Record<TeamRole, 1>);
const ESCALATION_TARGETS = Object.keys({ dutyCoordinator: 1, programmeLead: 1, COA: 1, police: 1, NCTV: 1 } satisfies Record<EscalationTarget, 1>);
const TIME = { type: String, format: 'date-time', example: '2027-01-20T19:00:00.000Z' } as const;
const NULLABLE_TIME = { ...TIME, nullable: true, type: String } as const;

/** A member of a case's team, as the API shows it. */
export class TeamMemberModel implements TeamMember {
  @ApiProperty({ format: 'uuid' }) readonly expertId!: string;
  @ApiProperty({ example: 'Anouk de Vries' }) readonly name!: string;
  @ApiProperty({ enum: TEAM_ROLES, description: 'One lead; the rest support.' }) readonly role!: TeamRole;
}

/** An offer waiting for an expert's answer, as the API shows it. */
export class OpenOfferModel implements OpenOffer {
  @ApiProperty({ example: 'offer-1-2' }) readonly offerId!: string;
  @ApiProperty({ format: 'uuid' }) readonly expertId!: string;
  @ApiProperty({ example: 'Anouk de Vries' }) readonly expertName!: string;
  @ApiProperty({ type: 'integer', description: 'The matching round that made the offer.' }) readonly round!: number;
  @ApiProperty(TIME) readonly expiresAt!: string;
}

/** A preparation task, as the API shows it. */
export class CaseTaskModel implements CaseTask {
  @ApiProperty({ example: 'task-1' }) readonly taskId!: string;
  @ApiProperty({ example: 'security-plan' }) readonly templateId!: string;
  @ApiProperty({ type: DomainTextModel }) readonly title!: DomainTextModel;
  @ApiProperty({ format: 'uuid', description: 'The expert who does the task.' }) readonly assigneeId!: string;
  @ApiProperty(TIME) readonly dueAt!: string;
  @ApiProperty({ enum: ['open', 'completed', 'withdrawn'] }) readonly status!: CaseTask['status'];
  @ApiProperty({ type: String, nullable: true, description: 'What the task produced, once completed.' }) readonly outcome!: string | null;
}

/** An escalation nobody has acknowledged yet, as the API shows it. */
export class OpenEscalationModel implements OpenEscalation {
  @ApiProperty({ example: 'esc-1' }) readonly escalationId!: string;
  @ApiProperty({ enum: ESCALATION_TRIGGERS, enumName: 'EscalationTrigger' }) readonly trigger!: EscalationTrigger;
  @ApiProperty({ description: 'What the escalation is about, such as an offer or task id.' }) readonly subject!: string;
  @ApiProperty({ type: DomainTextModel }) readonly reason!: DomainTextModel;
  @ApiProperty({ type: 'integer', description: 'The rung of the ladder, from 1.' }) readonly level!: number;
  @ApiProperty({ enum: ESCALATION_TARGETS, enumName: 'EscalationTarget' }) readonly target!: EscalationTarget;
  @ApiProperty(TIME) readonly ackDeadline!: string;
  @ApiProperty(TIME) readonly raisedAt!: string;
}

/** A follow-up check-in, as the API shows it. */
export class FollowUpModel implements FollowUp {
  @ApiProperty({ example: 'day-30' }) readonly followUpId!: string;
  @ApiProperty(TIME) readonly dueAt!: string;
  @ApiProperty({ enum: ['scheduled', 'completed'] }) readonly status!: FollowUp['status'];
  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether the risk goes on, once completed.' }) readonly ongoingRisk!: boolean | null;
}

/** The preparatory session of a case. */
export class SessionModel implements NonNullable<CaseState['session']> {
  @ApiProperty(TIME) readonly scheduledAt!: string;
  @ApiProperty(NULLABLE_TIME) readonly heldAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly outcomes!: string | null;
}

/** The lead's report on the intervention. */
export class InterventionModel implements NonNullable<CaseState['intervention']> {
  @ApiProperty({ enum: INTERVENTION_OUTCOMES, enumName: 'InterventionOutcome' }) readonly outcome!: InterventionOutcome;
  @ApiProperty() readonly notes!: string;
  @ApiProperty(TIME) readonly reportedAt!: string;
}

/** Everything known about a case after folding its events: the shape of `CaseState`, for the OpenAPI document. */
export class CaseStateModel implements CaseState {
  @ApiProperty({ format: 'uuid' }) readonly caseId!: string;
  @ApiProperty({ enum: CASE_STAGES, enumName: 'CaseStage' }) readonly stage!: CaseStage;
  @ApiProperty({ type: 'integer', description: 'The version of the last event folded in.' }) readonly version!: number;
  @ApiProperty({ enum: CASE_CATEGORIES, enumName: 'CaseCategory' }) readonly category!: CaseCategory;
  @ApiProperty({ type: String, nullable: true, example: 'GM0637', description: 'The CBS code; null only for an old case whose name matched no register entry.' })
  readonly municipalityCode!: string | null;
  @ApiProperty({ example: 'Zoetermeer', description: 'The municipality\'s official name.' }) readonly municipality!: string;
  @ApiProperty({ enum: SAFETY_REGIONS, enumName: 'SafetyRegion' }) readonly safetyRegion!: SafetyRegion;
  @ApiProperty({ enum: REQUESTER_ROLES, enumName: 'RequesterRole' }) readonly requesterRole!: RequesterRole;
  @ApiProperty(NULLABLE_TIME) readonly eventDate!: string | null;
  @ApiProperty({ enum: RISK_LEVELS, enumName: 'RiskLevel', nullable: true, description: 'Null until intake has assessed it.' })
  readonly riskLevel!: RiskLevel | null;
  @ApiProperty({ type: [DomainTextModel] }) readonly riskReasons!: readonly DomainTextModel[];
  @ApiProperty({ ...NULLABLE_TIME, description: 'When the triage decision falls due; null until intake has assessed the risk.' })
  readonly triageDueAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly rejectionReason!: string | null;
  @ApiProperty({ type: [TeamMemberModel] }) readonly team!: readonly TeamMemberModel[];
  @ApiProperty({ type: [OpenOfferModel] }) readonly openOffers!: readonly OpenOfferModel[];
  @ApiProperty({ type: [String], description: 'Every expert ever offered this case, so that matching does not ask them twice.' })
  readonly askedExpertIds!: readonly string[];
  @ApiProperty({ type: [CaseTaskModel] }) readonly tasks!: readonly CaseTaskModel[];
  @ApiProperty({ type: SessionModel, nullable: true }) readonly session!: SessionModel | null;
  @ApiProperty({ type: InterventionModel, nullable: true }) readonly intervention!: InterventionModel | null;
  @ApiProperty({ type: [OpenEscalationModel] }) readonly openEscalations!: readonly OpenEscalationModel[];
  @ApiProperty({ type: 'integer' }) readonly escalationCount!: number;
  @ApiProperty({ type: 'integer', description: 'Messages to people about this case that could not be sent.' }) readonly failedNotifications!: number;
  @ApiProperty({ type: [FollowUpModel] }) readonly followUps!: readonly FollowUpModel[];
  @ApiProperty({ type: String, nullable: true }) readonly evaluation!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly cancellationReason!: string | null;
  @ApiProperty(TIME) readonly receivedAt!: string;
  @ApiProperty(TIME) readonly updatedAt!: string;
  @ApiProperty(NULLABLE_TIME) readonly closedAt!: string | null;
}
