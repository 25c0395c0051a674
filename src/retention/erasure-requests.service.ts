import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { actorOf, type Principal } from '../auth/principal';
import { caseEvent } from '../domain/case.events';
import { expertPersonId } from '../domain/retention/erasure';
import { requestApprovalRefusal } from '../domain/retention/four-eyes';
import { appendAfterEnd } from '../event-store/append-after-end';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { EXPERT_DIRECTORY, type ExpertDirectory } from '../expert-directory/expert-directory.port';
import { DATA_KEY_STORE, type DataKeyStore } from '../key-store/data-key-store.port';
import { OFFICE_HOLDER_CLAIMS, type OfficeHolderClaims } from '../retention-store/office-holder-claims.port';
import { PERSON_KEY_LOCATOR, type KeyUsage, type PersonKeyLocator } from '../retention-store/person-key-locator.port';
import { RETENTION_STORE, type DecisionActor, type ErasureRequest, type RetentionStore } from '../retention-store/retention-store.port';
import type { CreateErasureRequestDto } from './dto/create-erasure-request.dto';
import { hasEndedForGood } from './ended-case';
import { caseNotFound, caseStillOpen, erasureRequestNotFound, expertNotFound, expertStillActive, noPersonKey, nothingLeft, ownRequest, requestDecided } from './erasure-refusals';

/**
 * Erasure requests: one coordinator asks, a second approves, and then the person's keys are destroyed and
 * `PersonalDataErased` is recorded in every case that sealed data under them.
 */
@Injectable()
export class ErasureRequestsService {
  constructor(
    @Inject(RETENTION_STORE) private readonly store: RetentionStore,
    @Inject(PERSON_KEY_LOCATOR) private readonly locator: PersonKeyLocator,
    @Inject(DATA_KEY_STORE) private readonly keyStore: DataKeyStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(EXPERT_DIRECTORY) private readonly experts: ExpertDirectory,
    @Inject(OFFICE_HOLDER_CLAIMS) private readonly claims: OfficeHolderClaims,
  ) {}

  list(): Promise<ErasureRequest[]> {
    return this.store.erasureRequests();
  }

  async create(dto: CreateErasureRequestDto, principal: Principal): Promise<ErasureRequest> {
    if (dto.subjectKind === 'expert') {
      const active = await this.experts.isActive(dto.expertId!);
      if (active === null) throw expertNotFound(dto.expertId!);
      if (active) throw expertStillActive(dto.expertId!);
    }
    if (dto.subjectKind === 'officeHolder' && (await this.eventStore.readStream(dto.caseId!)).length === 0) throw caseNotFound(dto.caseId!);
    return this.store.createErasureRequest({
      requestId: randomUUID(),
      subject: dto.subjectKind === 'officeHolder' ? { kind: 'officeHolder', caseId: dto.caseId } : { kind: 'expert', expertId: dto.expertId },
      reason: dto.reason,
      requestedBy: decisionActor(principal),
    });
  }

  async approve(requestId: string, principal: Principal): Promise<ErasureRequest> {
    const request = await this.pending(requestId, principal, true);
    const keyIds = await this.keyIdsOf(request);
    // Under the persons' locks: no case about them is being registered meanwhile, and every one registered is known.
    return this.claims.whileErasing(keyIds, async (claimedCaseIds) => {
      const live = await this.liveKeyIds(keyIds);
      // Once all of a person's keys are destroyed there is nothing left to erase; recording it again would be noise.
      if (live.length === 0 && request.state === 'requested') throw nothingLeft(requestId);
      // An approval being finished (its keys destroyed before a crash) records in every case, each once by its key.
      const usages = await this.usagesOf(request.state === 'approved' ? keyIds : live);
      // Checked before anything is recorded: a refusal here leaves the request as it was.
      for (const caseId of new Set([...usages.map((usage) => usage.caseId), ...claimedCaseIds])) {
        if (!hasEndedForGood(await this.eventStore.readStream(caseId))) throw caseStillOpen(caseId);
      }
      return this.carryOut(request, principal, keyIds, usages);
    });
  }

  private async carryOut(request: ErasureRequest, principal: Principal, keyIds: readonly string[], usages: readonly KeyUsage[]): Promise<ErasureRequest> {
    const { requestId } = request;
    if (request.state === 'requested' && !(await this.store.decideErasureRequest(requestId, 'approved', decisionActor(principal)))) {
      const now = (await this.store.findErasureRequest(requestId))!;
      throw requestDecided(requestId, now.state);
    }
    // Repeatable from here: a failed attempt (the key store away) is finished by approving again.
    const destroyedAt = new Date().toISOString();
    for (const keyId of keyIds) await this.keyStore.destroy(keyId, { reason: 'erasure', reference: requestId, destroyedAt });
    for (const { caseId, fields } of usages) {
      const event = caseEvent('PersonalDataErased', {
        requestId, subject: { kind: request.subject.kind }, requestedBy: request.requestedBy.id, approvedBy: principal.subject, reason: request.reason, fields,
      }, actorOf(principal), destroyedAt);
      await appendAfterEnd(this.eventStore, caseId, event, `erasure:${requestId}:${caseId}`);
    }
    // The pool's own record of the expert goes too: their name, address and sign-in, not what statistics count.
    if (request.subject.kind === 'expert') await this.experts.erasePersonalDetails(request.subject.expertId!);
    await this.store.recordErasureExecuted(requestId, decisionActor(principal), keyIds, usages.map((usage) => usage.caseId));
    return (await this.store.findErasureRequest(requestId))!;
  }

  async reject(requestId: string, principal: Principal): Promise<ErasureRequest> {
    await this.pending(requestId, principal, false);
    if (!(await this.store.decideErasureRequest(requestId, 'rejected', decisionActor(principal)))) {
      throw requestDecided(requestId, (await this.store.findErasureRequest(requestId))!.state);
    }
    return (await this.store.findErasureRequest(requestId))!;
  }

  // The request, if this coordinator may still decide on it: the approver of an unfinished approval may finish it.
  private async pending(requestId: string, principal: Principal, approving: boolean): Promise<ErasureRequest> {
    const request = await this.store.findErasureRequest(requestId);
    if (!request) throw erasureRequestNotFound(requestId);
    if (approving && requestApprovalRefusal(request.requestedBy.id, principal.subject)) throw ownRequest(principal.subject);
    const unfinishedByCaller = approving && request.state === 'approved' && request.decidedBy?.id === principal.subject;
    if (request.state !== 'requested' && !unfinishedByCaller) throw requestDecided(requestId, request.state);
    return request;
  }

  // An office holder's keys of every generation: a request through an older case reaches their newer cases too.
  private async keyIdsOf(request: ErasureRequest): Promise<string[]> {
    if (request.subject.kind === 'expert') return [this.keyStore.keyIdFor({ kind: 'person', personId: expertPersonId(request.subject.expertId!) })];
    const keyIds = await this.locator.personKeyIdsOfCase(request.subject.caseId!);
    if (keyIds.length === 0) throw noPersonKey(request.subject.caseId!);
    return (await Promise.all(keyIds.map((keyId) => this.generationsOf(keyId)))).flat();
  }

  private async generationsOf(keyId: string): Promise<string[]> {
    const base = keyId.replace(/-g\d+$/, '');
    const generations = [base];
    for (let generation = 2; ; generation++) {
      const next = `${base}-g${generation}`;
      if ((await this.keyStore.find(next)).state === 'unknown') return generations;
      generations.push(next);
    }
  }

  private async liveKeyIds(keyIds: readonly string[]): Promise<string[]> {
    const states = await Promise.all(keyIds.map(async (keyId) => ({ keyId, state: (await this.keyStore.find(keyId)).state })));
    return states.filter(({ state }) => state === 'active').map(({ keyId }) => keyId);
  }

  private async usagesOf(keyIds: readonly string[]): Promise<KeyUsage[]> {
    const fields = new Map<string, Set<string>>();
    for (const keyId of keyIds) {
      for (const usage of await this.locator.casesUsingKey(keyId)) {
        const set = fields.get(usage.caseId) ?? new Set<string>();
        usage.fields.forEach((field) => set.add(field));
        fields.set(usage.caseId, set);
      }
    }
    return [...fields].map(([caseId, paths]) => ({ caseId, fields: [...paths].sort() }));
  }
}

function decisionActor(principal: Principal): DecisionActor {
  return { role: principal.role, id: principal.subject, name: principal.displayName ?? null };
}
