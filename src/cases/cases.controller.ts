import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { actorOf, type Principal } from '../auth/principal';
import { ApiErrorResponses } from '../http/api-error-responses';
import { ExpertCaseAccess } from './expert-case-access';
import { StoredCaseEventModel } from '../http/models/case-event.model';
import { CasePageModel } from './case-page.model';
import { ApiCaseIdParam, caseId } from '../http/case-id-param';
import { stepId } from './case-path-params';
import {
  ApiCaseAssignment, ApiCaseDecision, ApiCaseRegistration, ApiCaseSignal, ApiStepIdParam, MALFORMED_REQUEST, UNKNOWN_CASE,
} from './case-route.docs';
import { CaseViewModel } from './case-view.model';
import { CasesService } from './cases.service';
import { DomainTextsInterceptor } from './domain-texts.interceptor';
import { SensitiveFieldsInterceptor } from './sensitive-fields.interceptor';
import { parseIdempotencyKey } from './idempotency-key';
import { AcceptOfferDto } from './dto/accept-offer.dto';
import { AssignExpertDto } from './dto/assign-expert.dto';
import { TeamMemberChoiceDto } from './dto/team-member-choice.dto';
import { CancelCaseDto } from './dto/cancel-case.dto';
import { ChangeRiskDto } from './dto/change-risk.dto';
import { CloseCaseDto } from './dto/close-case.dto';
import { CompleteFollowUpDto } from './dto/complete-follow-up.dto';
import { CompleteTaskDto } from './dto/complete-task.dto';
import { DeclineOfferDto } from './dto/decline-offer.dto';
import { EvaluateCaseDto } from './dto/evaluate-case.dto';
import { HoldSessionDto } from './dto/hold-session.dto';
import { ListCasesQueryDto } from './dto/list-cases-query.dto';
import { RaiseConcernDto } from './dto/raise-concern.dto';
import { RegisterCaseDto } from './dto/register-case.dto';
import { ReportInterventionDto } from './dto/report-intervention.dto';
import { ScheduleSessionDto } from './dto/schedule-session.dto';
import { TriageCaseDto } from './dto/triage-case.dto';

/** HTTP routes for support cases: decisions answer 200 with the case state, facts sent as signals answer 202. */
@ApiTags('cases')
@Controller('cases')
// An expert not on a case's team gets its free text redacted. Auditors keep the complete record: they recompute hashes
// over the stored events, so events, timeline and export stay whole. Texts are rendered after redaction (the inner
// interceptor maps the answer first), so a redacted literal is never rendered in full.
@UseInterceptors(DomainTextsInterceptor, SensitiveFieldsInterceptor)
export class CasesController {
  constructor(private readonly cases: CasesService, private readonly access: ExpertCaseAccess) {}

  @Post()
  @Allow('coordinator')
  @ApiCaseRegistration()
  async register(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: RegisterCaseDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const registered = await this.cases.register(dto, actorOf(principal), parseIdempotencyKey(idempotencyKey));
    response.status(registered.replayed ? 200 : 201).location(`/cases/${registered.caseId}`);
    return registered;
  }

  @Get()
  @Allow('coordinator', 'auditor')
  @ApiOperation({ summary: 'List cases, most recently changed first, with filters and paging' })
  @ApiOkResponse({ type: CasePageModel, description: 'One page of cases.' })
  @ApiErrorResponses({ 400: MALFORMED_REQUEST })
  list(@Query() query: ListCasesQueryDto) {
    return this.cases.list(query);
  }

  @Post(':id/triage')
  @HttpCode(200)
  @Allow('coordinator')
  @ApiCaseDecision('Accept a new case, or reject it with a reason')
  triage(@CurrentPrincipal() principal: Principal, @Param('id', caseId) id: string, @Body() dto: TriageCaseDto) {
    return this.cases.triage(id, dto, actorOf(principal));
  }

  @Post(':id/offers/:offerId/accept')
  @HttpCode(200)
  @Allow('expert')
  @ApiCaseDecision('Accept an offer to join the team of a case')
  @ApiStepIdParam('offerId', 'offer', 'offer-1-2')
  async acceptOffer(
    @CurrentPrincipal() principal: Principal,
    @Param('id', caseId) id: string,
    @Param('offerId', stepId) offerId: string,
    @Body() _dto: AcceptOfferDto,
  ) {
    await this.access.requireOwn(id, principal, 'offer', offerId);
    return this.cases.acceptOffer(id, offerId, actorOf(principal));
  }

  @Post(':id/offers/:offerId/decline')
  @HttpCode(200)
  @Allow('expert')
  @ApiCaseDecision('Decline an offer, optionally saying why')
  @ApiStepIdParam('offerId', 'offer', 'offer-1-2')
  async declineOffer(
    @CurrentPrincipal() principal: Principal,
    @Param('id', caseId) id: string,
    @Param('offerId', stepId) offerId: string,
    @Body() dto: DeclineOfferDto,
  ) {
    await this.access.requireOwn(id, principal, 'offer', offerId);
    return this.cases.declineOffer(id, offerId, dto, actorOf(principal));
  }

  @Post(':id/assignments')
  @HttpCode(200)
  @Allow('coordinator')
  @ApiCaseAssignment()
  assignExpert(@CurrentPrincipal() principal: Principal, @Param('id', caseId) id: string, @Body() dto: AssignExpertDto) {
    return this.cases.assignExpert(id, dto, actorOf(principal));
  }

  @Post(':id/lead')
  @HttpCode(200)
  @Allow('coordinator')
  @ApiCaseDecision("Appoint a member of the team as its lead (after the lead was deactivated)")
  appointLead(@CurrentPrincipal() principal: Principal, @Param('id', caseId) id: string, @Body() dto: TeamMemberChoiceDto) {
    return this.cases.appointLead(id, dto, actorOf(principal));
  }

  @Post(':id/tasks/:taskId/reassign')
  @HttpCode(200)
  @Allow('coordinator')
  @ApiCaseDecision('Give a preparation task to another member of the team (a task that came back from a deactivated expert)')
  @ApiStepIdParam('taskId', 'task', 'task-1')
  reassignTask(
    @CurrentPrincipal() principal: Principal,
    @Param('id', caseId) id: string,
    @Param('taskId', stepId) taskId: string,
    @Body() dto: TeamMemberChoiceDto,
  ) {
    return this.cases.reassignTask(id, taskId, dto, actorOf(principal));
  }

  @Post(':id/session')
  @HttpCode(200)
  @Allow('coordinator')
  @ApiCaseDecision('Schedule the preparatory session')
  scheduleSession(@CurrentPrincipal() principal: Principal, @Param('id', caseId) id: string, @Body() dto: ScheduleSessionDto) {
    return this.cases.scheduleSession(id, dto, actorOf(principal));
  }

  @Post(':id/session/held')
  @HttpCode(200)
  @Allow('coordinator', 'expert')
  @ApiCaseDecision('Record that the preparatory session was held, with its outcomes')
  async holdSession(@CurrentPrincipal() principal: Principal, @Param('id', caseId) id: string, @Body() dto: HoldSessionDto) {
    await this.access.requireVisible(id, principal);
    return this.cases.holdSession(id, dto, actorOf(principal));
  }

  @Post(':id/tasks/:taskId/complete')
  @HttpCode(200)
  @Allow('coordinator', 'expert')
  @ApiCaseDecision('Complete a preparation task assigned to the caller (a coordinator: one that came back to them)')
  @ApiStepIdParam('taskId', 'task', 'task-1')
  async completeTask(
    @CurrentPrincipal() principal: Principal,
    @Param('id', caseId) id: string,
    @Param('taskId', stepId) taskId: string,
    @Body() dto: CompleteTaskDto,
  ) {
    await this.access.requireOwn(id, principal, 'task', taskId);
    return this.cases.completeTask(id, taskId, dto, actorOf(principal));
  }

  @Post(':id/intervention')
  @HttpCode(200)
  @Allow('expert')
  @ApiCaseDecision('Report how the intervention went')
  async reportIntervention(@CurrentPrincipal() principal: Principal, @Param('id', caseId) id: string, @Body() dto: ReportInterventionDto) {
    await this.access.requireVisible(id, principal);
    return this.cases.reportIntervention(id, dto, actorOf(principal));
  }

  @Post(':id/follow-ups/:followUpId')
  @HttpCode(200)
  @Allow('expert')
  @ApiCaseDecision('Record a follow-up check-in and whether the risk goes on')
  @ApiStepIdParam('followUpId', 'follow-up', 'day-30')
  async completeFollowUp(
    @CurrentPrincipal() principal: Principal,
    @Param('id', caseId) id: string,
    @Param('followUpId', stepId) followUpId: string,
    @Body() dto: CompleteFollowUpDto,
  ) {
    await this.access.requireVisible(id, principal);
    return this.cases.completeFollowUp(id, followUpId, dto, actorOf(principal));
  }

  @Post(':id/risk')
  @HttpCode(202)
  @Allow('coordinator', 'expert')
  @ApiCaseSignal('Change the risk level of a case, with a reason')
  async changeRisk(@CurrentPrincipal() principal: Principal, @Param('id', caseId) id: string, @Body() dto: ChangeRiskDto) {
    await this.access.requireVisible(id, principal);
    return this.cases.changeRisk(id, dto, actorOf(principal));
  }

  @Post(':id/concerns')
  @HttpCode(202)
  @Allow('expert')
  @ApiCaseSignal('Raise a concern about a case for the coordinators')
  async raiseConcern(@CurrentPrincipal() principal: Principal, @Param('id', caseId) id: string, @Body() dto: RaiseConcernDto) {
    await this.access.requireVisible(id, principal);
    return this.cases.raiseConcern(id, dto, actorOf(principal));
  }

  @Post(':id/escalations/:escalationId/acknowledge')
  @HttpCode(200)
  @Allow('coordinator')
  @ApiCaseDecision('Acknowledge an escalation, which stops its ladder')
  @ApiStepIdParam('escalationId', 'escalation', 'esc-1')
  acknowledgeEscalation(@CurrentPrincipal() principal: Principal, @Param('id', caseId) id: string, @Param('escalationId', stepId) escalationId: string) {
    return this.cases.acknowledgeEscalation(id, escalationId, actorOf(principal));
  }

  @Post(':id/evaluation')
  @HttpCode(200)
  @Allow('coordinator')
  @ApiCaseDecision('Record the evaluation of a finished case')
  evaluate(@CurrentPrincipal() principal: Principal, @Param('id', caseId) id: string, @Body() dto: EvaluateCaseDto) {
    return this.cases.evaluate(id, dto, actorOf(principal));
  }

  @Post(':id/close')
  @HttpCode(200)
  @Allow('coordinator')
  @ApiCaseDecision('Close an evaluated case')
  close(@CurrentPrincipal() principal: Principal, @Param('id', caseId) id: string, @Body() dto: CloseCaseDto) {
    return this.cases.close(id, dto, actorOf(principal));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Allow('coordinator')
  @ApiCaseDecision('Cancel a case, with a reason')
  cancel(@CurrentPrincipal() principal: Principal, @Param('id', caseId) id: string, @Body() dto: CancelCaseDto) {
    return this.cases.cancel(id, dto, actorOf(principal));
  }

  @Get(':id')
  @Allow('coordinator', 'auditor', 'expert')
  @ApiOperation({ summary: 'Show a case: its recorded state and the running workflow’s live view' })
  @ApiCaseIdParam()
  @ApiOkResponse({ type: CaseViewModel, description: 'The case. To an expert who is offered it but not on its team, free text reads "[redacted]"; once the case\'s data key was destroyed, it reads "[destroyed]" (a coded text renders it as "vernietigd"/"destroyed").' })
  @ApiErrorResponses({ 400: MALFORMED_REQUEST, 404: UNKNOWN_CASE })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', caseId) id: string) {
    await this.access.requireVisible(id, principal);
    return this.cases.get(id);
  }

  @Get(':id/request')
  @Allow('coordinator', 'auditor', 'expert')
  @ApiOperation({ summary: 'Show the support request of a case: the situation and the office holder it is about (sensitive)' })
  @ApiCaseIdParam()
  @ApiOkResponse({
    description: 'The request as registered: `{ caseId, request }`. To an expert who is offered the case but not on its team, the '
      + 'description and the office holder read "[redacted]".',
  })
  @ApiErrorResponses({ 400: MALFORMED_REQUEST, 404: UNKNOWN_CASE })
  async request(@CurrentPrincipal() principal: Principal, @Param('id', caseId) id: string) {
    await this.access.requireVisible(id, principal);
    return this.cases.request(id, actorOf(principal));
  }

  @Get(':id/events')
  @Allow('coordinator', 'auditor')
  @ApiOperation({ summary: 'List the recorded events of a case, with their hash chain' })
  @ApiCaseIdParam()
  @ApiOkResponse({ type: [StoredCaseEventModel], description: 'The events in version order.' })
  @ApiErrorResponses({ 400: MALFORMED_REQUEST, 404: UNKNOWN_CASE })
  events(@Param('id', caseId) id: string) {
    return this.cases.events(id);
  }
}
