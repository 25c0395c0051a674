import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CaseEventPayloads } from '../domain/case.events';
import type { CaseState } from '../domain/case.state';
import { upcastCaseState } from '../domain/case-state-upcaster';
import { maySeeSensitiveFields, redactSupportRequest } from '../domain/sensitive-fields';
import type { SupportRequest } from '../domain/support-request';
import { FINAL_STAGES, type Actor } from '../domain/case.vocabulary';
import { conflictOfInterestRefusal, weighAssignment } from '../domain/manual-assignment';
import { EVENT_STORE, type EventStore, type StoredCaseEvent } from '../event-store/event-store.port';
import { EXPERT_DIRECTORY, type ExpertDirectory } from '../expert-directory/expert-directory.port';
import { officeHolderScope } from '../field-encryption/person-scope';
import { SealedFieldsOpener } from '../field-encryption/sealed-fields-opener';
import { DATA_KEY_STORE, type DataKeyStore } from '../key-store/data-key-store.port';
import { OFFICE_HOLDER_CLAIMS, type OfficeHolderClaims } from '../retention-store/office-holder-claims.port';
import { CASE_READ_MODEL, type CaseReadModel } from '../read-model/case-read-model.port';
import {
  acknowledgeEscalation, appointLead, assignExpert, cancelCase, changeRisk, closeCase, completeFollowUp, completeTask, evaluateCase,
  expertDeactivated, holdSession, raiseConcern, reassignTask, reportIntervention, respondToOffer, scheduleSession, triage,
  type AssignedCase, type SupportCaseInput,
} from '../../workflows/messages';
import { CaseList, type CasePage } from './case-list';
import { caseIdForIdempotencyKey, requestFingerprint, toSupportRequest } from './case-request.mapper';
import { CASE_WORKFLOWS, type CaseWorkflows } from './case-workflows.port';
import type { AssignExpertDto } from './dto/assign-expert.dto';
import type { TeamMemberChoiceDto } from './dto/team-member-choice.dto';
import type { CancelCaseDto } from './dto/cancel-case.dto';
import type { ChangeRiskDto } from './dto/change-risk.dto';
import type { CloseCaseDto } from './dto/close-case.dto';
import type { CompleteFollowUpDto } from './dto/complete-follow-up.dto';
import type { CompleteTaskDto } from './dto/complete-task.dto';
import type { DeclineOfferDto } from './dto/decline-offer.dto';
import type { EvaluateCaseDto } from './dto/evaluate-case.dto';
import type { HoldSessionDto } from './dto/hold-session.dto';
import type { ListCasesQueryDto } from './dto/list-cases-query.dto';
import type { RaiseConcernDto } from './dto/raise-concern.dto';
import type { RegisterCaseDto } from './dto/register-case.dto';
import type { ReportInterventionDto } from './dto/report-intervention.dto';
import type { ScheduleSessionDto } from './dto/schedule-session.dto';
import type { TriageCaseDto } from './dto/triage-case.dto';
import { concernRefusal, riskChangeRefusal } from './signal-preconditions';
import { refusal } from '../http/refusal';
import type { CaseView, RegisteredCase } from '../api-contracts/cases.contract';

/** What `GET /cases/:id/request` answers: the request the case was registered with. */
export interface RegisteredRequest {
  readonly caseId: string;
  readonly request: SupportRequest;
}

/** What a signal route answers: the workflow has the fact, and will record it in its own time. */
export interface SignalAccepted {
  readonly accepted: true;
}

const ACCEPTED: SignalAccepted = { accepted: true };

/** Starts case workflows, sends them decisions and facts, and reads what they recorded. */
@Injectable()
export class CasesService {
  constructor(
    @Inject(CASE_READ_MODEL) private readonly readModel: CaseReadModel,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(CASE_WORKFLOWS) private readonly workflows: CaseWorkflows,
    private readonly caseList: CaseList,
    @Inject(EXPERT_DIRECTORY) private readonly experts: ExpertDirectory,
    private readonly opener: SealedFieldsOpener,
    @Inject(DATA_KEY_STORE) private readonly keyStore: DataKeyStore,
    @Inject(OFFICE_HOLDER_CLAIMS) private readonly claims: OfficeHolderClaims,
  ) {}

  async register(dto: RegisterCaseDto, actor: Actor, idempotencyKey?: string): Promise<RegisteredCase> {
    const caseId = idempotencyKey ? caseIdForIdempotencyKey(idempotencyKey) : randomUUID();
    const input: SupportCaseInput = { request: toSupportRequest(caseId, dto), registeredBy: actor };
    const start = () => this.workflows.start(caseId, input, requestFingerprint(input.request));
    // A case about an office holder is registered under their claim, so an erasure of that person approved meanwhile
    // waits for it (and then finds the case open) instead of destroying the key the new request was just sealed under.
    const person = await officeHolderScope(input.request, this.keyStore);
    const { workflowId, replayed } = person ? await this.claims.whileRegistering(caseId, this.keyStore.keyIdFor(person), start) : await start();
    return { caseId, workflowId, replayed };
  }

  triage(caseId: string, dto: TriageCaseDto, actor: Actor): Promise<CaseState> {
    return this.workflows.decide(caseId, triage, { decision: dto.decision, ...(dto.reason && { reason: dto.reason }), actor });
  }

  acceptOffer(caseId: string, offerId: string, actor: Actor): Promise<CaseState> {
    return this.workflows.decide(caseId, respondToOffer, { offerId, response: 'accept', actor });
  }

  declineOffer(caseId: string, offerId: string, dto: DeclineOfferDto, actor: Actor): Promise<CaseState> {
    return this.workflows.decide(caseId, respondToOffer, { offerId, response: 'decline', ...(dto.reason && { reason: dto.reason }), actor });
  }

  async assignExpert(caseId: string, dto: AssignExpertDto, actor: Actor): Promise<AssignedCase> {
    await this.refuseConflictOfInterest(caseId, dto);
    const assigned = await this.workflows.decide(caseId, assignExpert, {
      expertId: dto.expertId, ...(dto.note && { note: dto.note }), ...(dto.override && { override: { reason: dto.override.reason } }), actor,
    });
    // A deactivation that committed while the assignment was on its way found the expert on no team of this case and
    // told it nothing; asked now, the pool tells, and the case takes the expert off again.
    if ((await this.experts.isActive(dto.expertId)) === false) {
      await this.workflows.tellIfRunning(caseId, expertDeactivated, { expertId: dto.expertId, actor });
      throw new ConflictException(refusal('expert_deactivated_during_assignment', { expertId: dto.expertId }));
    }
    return assigned;
  }

  // The workflow weighs the assignment again with the pool as it is then; this refuses the usual case before asking it.
  private async refuseConflictOfInterest(caseId: string, dto: AssignExpertDto): Promise<void> {
    const [row, expert] = await Promise.all([
      this.readModel.find(caseId),
      this.experts.profile(dto.expertId),
    ]);
    if (!row || !expert) return;
    const verdict = weighAssignment(expert, row.state, dto.override?.reason.trim());
    if (!verdict.allowed) {
      const { code, params } = conflictOfInterestRefusal(dto.expertId, verdict.conflict);
      // The precise code is the body's `code` too, so that a client can offer the override on it.
      throw new ConflictException({ code, ...refusal(code, params) });
    }
    // A reason to override nothing would be answered 200 and recorded nowhere; the coordinator should know. Should the
    // conflict vanish after this check and before the workflow weighs the assignment (the expert moves house that very
    // moment), the workflow assigns without recording the override, as weighAssignment says: its behaviour stays as
    // recorded histories have it, and an assignment without a conflict needs no reason.
    if (dto.override && !verdict.override) {
      throw new ConflictException({ code: 'no_conflict_to_override', ...refusal('no_conflict_to_override', { expertId: dto.expertId }) });
    }
  }

  appointLead(caseId: string, dto: TeamMemberChoiceDto, actor: Actor): Promise<CaseState> {
    return this.workflows.decide(caseId, appointLead, { expertId: dto.expertId, actor });
  }

  reassignTask(caseId: string, taskId: string, dto: TeamMemberChoiceDto, actor: Actor): Promise<CaseState> {
    return this.workflows.decide(caseId, reassignTask, { taskId, expertId: dto.expertId, actor });
  }

  scheduleSession(caseId: string, dto: ScheduleSessionDto, actor: Actor): Promise<CaseState> {
    return this.workflows.decide(caseId, scheduleSession, { scheduledAt: dto.scheduledAt, ...(dto.note && { note: dto.note }), actor });
  }

  holdSession(caseId: string, dto: HoldSessionDto, actor: Actor): Promise<CaseState> {
    return this.workflows.decide(caseId, holdSession, { outcomes: dto.outcomes, actor });
  }

  completeTask(caseId: string, taskId: string, dto: CompleteTaskDto, actor: Actor): Promise<CaseState> {
    return this.workflows.decide(caseId, completeTask, { taskId, outcome: dto.outcome, actor });
  }

  reportIntervention(caseId: string, dto: ReportInterventionDto, actor: Actor): Promise<CaseState> {
    return this.workflows.decide(caseId, reportIntervention, { outcome: dto.outcome, notes: dto.notes, actor });
  }

  completeFollowUp(caseId: string, followUpId: string, dto: CompleteFollowUpDto, actor: Actor): Promise<CaseState> {
    return this.workflows.decide(caseId, completeFollowUp, { followUpId, ongoingRisk: dto.ongoingRisk, notes: dto.notes, actor });
  }

  acknowledgeEscalation(caseId: string, escalationId: string, actor: Actor): Promise<CaseState> {
    return this.workflows.decide(caseId, acknowledgeEscalation, { escalationId, actor });
  }

  evaluate(caseId: string, dto: EvaluateCaseDto, actor: Actor): Promise<CaseState> {
    return this.workflows.decide(caseId, evaluateCase, { summary: dto.summary, actor });
  }

  close(caseId: string, dto: CloseCaseDto, actor: Actor): Promise<CaseState> {
    return this.workflows.decide(caseId, closeCase, { ...(dto.summary && { summary: dto.summary }), actor });
  }

  cancel(caseId: string, dto: CancelCaseDto, actor: Actor): Promise<CaseState> {
    return this.workflows.decide(caseId, cancelCase, { reason: dto.reason, actor });
  }

  async changeRisk(caseId: string, dto: ChangeRiskDto, actor: Actor): Promise<SignalAccepted> {
    const change = { level: dto.level, reason: dto.reason, actor };
    await this.workflows.tell(caseId, changeRisk, change, (state) => riskChangeRefusal(state, change));
    return ACCEPTED;
  }

  async raiseConcern(caseId: string, dto: RaiseConcernDto, actor: Actor): Promise<SignalAccepted> {
    await this.workflows.tell(caseId, raiseConcern, { concern: dto.concern, actor }, (state) => concernRefusal(state, actor));
    return ACCEPTED;
  }

  list(query: ListCasesQueryDto): Promise<CasePage> {
    return this.caseList.page(query);
  }

  async get(caseId: string): Promise<CaseView> {
    const row = await this.readModel.find(caseId);
    // A case recorded as closed, rejected or cancelled has ended in the state it last recorded, which is what its workflow
    // would answer; asking the workflow anyway would make a worker replay its whole history on every view of the page.
    const ended = row !== null && (FINAL_STAGES as readonly string[]).includes(row.stage);
    const recorded = row && upcastCaseState(await this.opener.openState(row.state));
    if (ended) return { caseId, recorded, live: recorded };
    // An open case's row may be a step ahead of its workflow: each append commits it before the workflow takes the step
    // in, and a decision is weighed against the workflow's state, so what the page offers to decide on is asked of it.
    const live = await this.workflows.live(caseId);
    if (!row && live === undefined) throw new NotFoundException(refusal('case_not_found', { caseId }));
    // A worker of the previous release may still answer the query with sentences.
    return { caseId, recorded, live: live ? upcastCaseState(live) : null };
  }

  /** The support request as registered, with its sensitive fields redacted for a reader who may not see them. */
  async request(caseId: string, reader: Actor): Promise<RegisteredRequest> {
    const row = await this.readModel.find(caseId);
    const [received] = await this.opener.openEvents(await this.eventStore.readStream(caseId, 1), row?.state);
    if (!received || received.type !== 'RequestReceived' || !row) throw new NotFoundException(refusal('case_not_found', { caseId }));
    const { request } = received.data as CaseEventPayloads['RequestReceived'];
    return { caseId, request: maySeeSensitiveFields(reader, row.state) ? request : redactSupportRequest(request) };
  }

  async events(caseId: string): Promise<StoredCaseEvent[]> {
    const events = await this.eventStore.readStream(caseId);
    if (events.length === 0) await this.get(caseId);
    // For people to read; whoever recomputes the hashes takes the audit export, which keeps the sealed form.
    return this.opener.openEvents(events);
  }
}
