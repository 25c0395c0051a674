import { condition, log, patched, setHandler } from '@temporalio/workflow';
import { caseEvent, type NewCaseEvent } from '../../src/domain/case.events';
import type { CaseState } from '../../src/domain/case.state';
import { SYSTEM_ACTOR, compareRisk, isRiskLevel, type RiskLevel } from '../../src/domain/case.vocabulary';
import { literalText } from '../../src/domain/domain-text';
import { ESCALATION_REASONS } from '../../src/domain/escalation-reasons';
import { SYSTEM_REASONS } from '../../src/domain/system-reasons';
import { conflict, now, requireCoordinator, requireStage, requireText, type CaseContext } from '../case-context';
import type { CaseEscalations } from '../case-escalations';
import {
  cancelCase, changeRisk, closeCase, evaluateCase, raiseConcern,
  type CancelCaseRequest, type CaseEvaluation, type CloseCaseRequest, type Concern, type RiskChange,
} from '../messages';

/** Registers evaluation and closure of a finished case. */
export function registerClosure(context: CaseContext): void {
  let evaluating = false;
  setHandler(evaluateCase, ({ summary, actor }: CaseEvaluation) => {
    if (evaluating) throw conflict('the case has already been evaluated', 'already_evaluated');
    evaluating = true;
    return context.journal.record(caseEvent('CaseEvaluated', { summary: summary.trim() }, actor, now()));
  }, {
    validator: ({ summary, actor }: CaseEvaluation) => {
      requireCoordinator(actor);
      requireStage(context, ['Evaluation'], 'an evaluation');
      if (evaluating || context.state.evaluation !== null) throw conflict('the case has already been evaluated', 'already_evaluated');
      requireText(summary, 'summary');
    },
  });

  let closing = false;
  setHandler(closeCase, ({ summary, actor }: CloseCaseRequest) => {
    if (closing) throw conflict('the case is already being closed', 'case_closing');
    const data = summary?.trim() ? { summary: summary.trim() } : {};
    closing = true;
    // An escalation raised in the same moment as the closure is withdrawn with it rather than left open.
    return context.journal.recordFinalFrom((state) => [...withdrawEscalations(state), caseEvent('CaseClosed', data, actor, now())]);
  }, {
    validator: ({ actor, summary }: CloseCaseRequest) => {
      requireCoordinator(actor);
      if (summary !== undefined) requireText(summary, 'summary');
      requireStage(context, ['Evaluation'], 'closing the case');
      if (closing) throw conflict('the case is already being closed', 'case_closing');
      if (context.state.evaluation === null) throw conflict('the case must be evaluated before it is closed', 'evaluation_needed');
      if (context.state.openEscalations.length > 0) throw conflict('the case has open escalations; acknowledge them first', 'escalations_open');
    },
  });
}

/** Registers cancellation, which withdraws open offers, tasks and escalations and ends the case at any stage. */
export function registerCancellation(context: CaseContext, escalations: CaseEscalations): void {
  setHandler(cancelCase, async ({ reason, actor }: CancelCaseRequest) => {
    // A cancellation in the workflow's very first moment runs before intake has even queued the registration; it
    // waits for that, so the case is registered first and then cancelled. Later cancellations take no such wait.
    if (context.journal.stateOrNull === null) await condition(() => context.journal.stateOrNull !== null);
    // Built when the step runs, so offers, tasks and escalations from steps queued before it are withdrawn too.
    const recorded = context.journal.recordFinalFrom((state) => [
      ...state.openOffers.map((o) => caseEvent('OfferWithdrawn', { offerId: o.offerId, expertId: o.expertId, reason: SYSTEM_REASONS.caseCancelled }, SYSTEM_ACTOR, now())),
      ...state.tasks.filter((t) => t.status === 'open').map((t) => caseEvent('TaskWithdrawn', { taskId: t.taskId, reason: SYSTEM_REASONS.caseCancelled }, SYSTEM_ACTOR, now())),
      ...withdrawEscalations(state),
      caseEvent('CaseCancelled', { reason: reason.trim() }, actor, now()),
    ]);
    // The stages stop at their next wait; what they had sent to the journal is recorded before the cancellation.
    context.stages.cancel();
    return recorded.then(async (state) => {
      await escalations.stopAllLadders();
      return state;
    });
  }, {
    validator: ({ reason, actor }: CancelCaseRequest) => {
      requireCoordinator(actor);
      // While the request is still being registered the stage reads Intake; the journal records the cancellation after it.
      requireStage(context, ['Intake', 'Triage', 'Matching', 'Preparation', 'Intervention', 'FollowUp', 'Evaluation'], 'cancelling');
      requireText(reason, 'reason', 2000);
    },
  });
}

function withdrawEscalations(state: CaseState): NewCaseEvent[] {
  return state.openEscalations.map((e) => caseEvent('EscalationResolved', { escalationId: e.escalationId, outcome: 'withdrawn' }, SYSTEM_ACTOR, now()));
}

// Histories from before it compared each risk change with the state the signal found, so simultaneous changes repeated.
const RISK_CHANGE_FROM_RECORDED_STATE = 'risk-change-from-recorded-state';

/** Registers the facts that need no answer: a changed risk level and an expert's concern. */
export function registerSignals(context: CaseContext, escalations: CaseEscalations): void {
  setHandler(changeRisk, ({ level, reason, actor }: RiskChange) => {
    const state = context.journal.stateOrNull;
    const onTeam = actor?.role === 'expert' && !context.deactivatedExperts.has(actor.id) && state?.team.some((m) => m.expertId === actor.id);
    if (!state || context.ended || !isRiskLevel(level) || !(actor?.role === 'coordinator' || onTeam) || typeof reason !== 'string' || !reason.trim()) {
      log.warn('ignored an invalid risk change', { level, role: actor?.role });
      return;
    }
    const because = literalText(reason.trim());
    if (patched(RISK_CHANGE_FROM_RECORDED_STATE)) {
      // Changes sent at the same moment each see the same state here; only the step's own state shows what earlier
      // changes recorded, so a repeated change records nothing and `from` is the level the case really had.
      let from: RiskLevel | undefined;
      void context.journal.recordFrom((current) => {
        from = current.riskLevel ?? 'MEDIUM';
        return from === level ? [] : [caseEvent('RiskLevelChanged', { from, to: level, reason: because }, actor, now())];
      })
        .then(() => (from !== undefined && compareRisk(level, from) > 0 ? escalations.raise('riskRaised', `risk:${level}`, ESCALATION_REASONS.riskRaised(from, level, because)) : undefined))
        .catch(() => undefined);
      return;
    }
    const from = state.riskLevel ?? 'MEDIUM';
    if (from === level) return;
    void context.journal.record(caseEvent('RiskLevelChanged', { from, to: level, reason: because }, actor, now()))
      .then(() => (compareRisk(level, from) > 0 ? escalations.raise('riskRaised', `risk:${level}`, ESCALATION_REASONS.riskRaised(from, level, because)) : undefined))
      .catch(() => undefined);
  });

  setHandler(raiseConcern, ({ concern, actor }: Concern) => {
    const state = context.journal.stateOrNull;
    if (!state || context.ended || actor?.role !== 'expert' || context.deactivatedExperts.has(actor.id) || !state.team.some((m) => m.expertId === actor.id) || typeof concern !== 'string' || !concern.trim()) {
      log.warn('ignored an invalid concern', { role: actor?.role });
      return;
    }
    void context.journal.record(caseEvent('ConcernRaised', { expertId: actor.id, concern: concern.trim() }, actor, now()))
      .then((after) => escalations.raise('expertConcern', `concern:${after.version}`, ESCALATION_REASONS.expertConcern(concern.trim().slice(0, 200))))
      .catch(() => undefined);
  });
}

/** Evaluation and closure: waits until the coordinator has evaluated and closed the case. */
export async function awaitClosure(context: CaseContext): Promise<void> {
  await condition(() => context.stage === 'Closed');
}

