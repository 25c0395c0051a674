import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { coordinatorActor, expertActor, expertOrCoordinatorActor } from './case-actor';
import { caseId, stepId } from './case-path-params';
import { CasesService } from './cases.service';
import { parseIdempotencyKey } from './idempotency-key';
import { AcceptOfferDto } from './dto/accept-offer.dto';
import { AssignExpertDto } from './dto/assign-expert.dto';
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
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  async register(
    @Body() dto: RegisterCaseDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const registered = await this.cases.register(dto, coordinatorActor(), parseIdempotencyKey(idempotencyKey));
    response.status(registered.replayed ? 200 : 201).location(`/cases/${registered.caseId}`);
    return registered;
  }

  @Get()
  list(@Query() query: ListCasesQueryDto) {
    return this.cases.list(query);
  }

  @Post(':id/triage')
  @HttpCode(200)
  triage(@Param('id', caseId) id: string, @Body() dto: TriageCaseDto) {
    return this.cases.triage(id, dto, coordinatorActor());
  }

  @Post(':id/offers/:offerId/accept')
  @HttpCode(200)
  acceptOffer(@Param('id', caseId) id: string, @Param('offerId', stepId) offerId: string, @Body() dto: AcceptOfferDto) {
    return this.cases.acceptOffer(id, offerId, expertActor(dto.expertId));
  }

  @Post(':id/offers/:offerId/decline')
  @HttpCode(200)
  declineOffer(@Param('id', caseId) id: string, @Param('offerId', stepId) offerId: string, @Body() dto: DeclineOfferDto) {
    return this.cases.declineOffer(id, offerId, dto, expertActor(dto.expertId));
  }

  @Post(':id/assignments')
  @HttpCode(200)
  assignExpert(@Param('id', caseId) id: string, @Body() dto: AssignExpertDto) {
    return this.cases.assignExpert(id, dto, coordinatorActor());
  }

  @Post(':id/session')
  @HttpCode(200)
  scheduleSession(@Param('id', caseId) id: string, @Body() dto: ScheduleSessionDto) {
    return this.cases.scheduleSession(id, dto, coordinatorActor());
  }

  @Post(':id/session/held')
  @HttpCode(200)
  holdSession(@Param('id', caseId) id: string, @Body() dto: HoldSessionDto) {
    return this.cases.holdSession(id, dto, expertOrCoordinatorActor(dto.expertId));
  }

  @Post(':id/tasks/:taskId/complete')
  @HttpCode(200)
  completeTask(@Param('id', caseId) id: string, @Param('taskId', stepId) taskId: string, @Body() dto: CompleteTaskDto) {
    return this.cases.completeTask(id, taskId, dto, expertActor(dto.expertId));
  }

  @Post(':id/intervention')
  @HttpCode(200)
  reportIntervention(@Param('id', caseId) id: string, @Body() dto: ReportInterventionDto) {
    return this.cases.reportIntervention(id, dto, expertActor(dto.expertId));
  }

  @Post(':id/follow-ups/:followUpId')
  @HttpCode(200)
  completeFollowUp(@Param('id', caseId) id: string, @Param('followUpId', stepId) followUpId: string, @Body() dto: CompleteFollowUpDto) {
    return this.cases.completeFollowUp(id, followUpId, dto, expertActor(dto.expertId));
  }

  @Post(':id/risk')
  @HttpCode(202)
  changeRisk(@Param('id', caseId) id: string, @Body() dto: ChangeRiskDto) {
    return this.cases.changeRisk(id, dto, expertOrCoordinatorActor(dto.expertId));
  }

  @Post(':id/concerns')
  @HttpCode(202)
  raiseConcern(@Param('id', caseId) id: string, @Body() dto: RaiseConcernDto) {
    return this.cases.raiseConcern(id, dto, expertActor(dto.expertId));
  }

  @Post(':id/escalations/:escalationId/acknowledge')
  @HttpCode(200)
  acknowledgeEscalation(@Param('id', caseId) id: string, @Param('escalationId', stepId) escalationId: string) {
    return this.cases.acknowledgeEscalation(id, escalationId, coordinatorActor());
  }

  @Post(':id/evaluation')
  @HttpCode(200)
  evaluate(@Param('id', caseId) id: string, @Body() dto: EvaluateCaseDto) {
    return this.cases.evaluate(id, dto, coordinatorActor());
  }

  @Post(':id/close')
  @HttpCode(200)
  close(@Param('id', caseId) id: string, @Body() dto: CloseCaseDto) {
    return this.cases.close(id, dto, coordinatorActor());
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Param('id', caseId) id: string, @Body() dto: CancelCaseDto) {
    return this.cases.cancel(id, dto, coordinatorActor());
  }

  @Get(':id')
  get(@Param('id', caseId) id: string) {
    return this.cases.get(id);
  }

  @Get(':id/events')
  events(@Param('id', caseId) id: string) {
    return this.cases.events(id);
  }

  @Get(':id/verify')
  verify(@Param('id', caseId) id: string) {
    return this.cases.verify(id);
  }
}
