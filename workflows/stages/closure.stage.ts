import { condition, log, patched, setHandler } from '@temporalio/workflow';
import type { CaseCommand } from '../../src/domain/case-command';
import { decide } from '../../src/domain/case-decider';
import type { CaseRefusalCode } from '../../src/domain/case-refusal-codes';
import { caseEvent } from '../../src/domain/case.events';
import { compareRisk, type Actor, type RiskLevel } from '../../src/domain/case.vocabulary';
import { cancellationEvents, closingEvents } from '../../src/domain/decide/closure-decisions';
import { literalText, type DomainText } from '../../src/domain/domain-text';
import type { EscalationTrigger } from '../../src/domain/escalation-policy';
import { ESCALATION_REASONS } from '../../src/domain/escalation-reasons';
import { now, type CaseContext } from '../case-context';
import { decideNow, decisionContext } from '../case-decisions';
import type { CaseEscalations } from '../case-escalations';
import type { PendingEvents } from '../case-journal';
import {
  cancelCase, changeRisk, closeCase, evaluateCase, raiseConcern,
  type CancelCaseRequest, type CaseEvaluation, type CloseCaseRequest, type Concern, type RiskChange,
} from '../messages';

/** Registers evaluation and closure of a finished case. */
export function registerClosure(context: CaseContext): void {
  // An evaluation being recorded shows in the pending state, and a queued closure seals the journal: no flags needed.
  setHandler(evaluateCase, ({ summary, actor }: CaseEvaluation) =>
    context.journal.record(...decideNow(context, { type: 'evaluateCase', summary }, actor)), {
    validator: ({ summary, actor }: CaseEvaluation) => void decideNow(context, { type: 'evaluateCase', summary }, actor),
  });

  setHandler(closeCase, ({ summary, actor }: CloseCaseRequest) => {
    const command = { type: 'closeCase', ...(summary !== undefined && { summary }) } as const;
    const expected = decideNow(context, command, actor);
    // An escalation raised in the same moment as the closure is withdrawn with it rather than left open.
    return context.journal.recordFinalFrom((state) => closingEvents(state, command, actor, now()), expected);
  }, {
    validator: ({ actor, summary }: CloseCaseRequest) => void decideNow(context, { type: 'closeCase', ...(summary !== undefined && { summary }) }, actor),
  });
}

/** Registers cancellation, which withdraws open offers, tasks and escalations and ends the case at any stage. */
export function registerCancellation(context: CaseContext, escalations: CaseEscalations): void {
  setHandler(cancelCase, async ({ reason, actor }: CancelCaseRequest) => {
    // A cancellation in the workflow's very first moment runs before intake has even queued the registration; it
    // waits for that, so the case is registered first and then cancelled. Later cancellations take no such wait.
    if (context.journal.stateOrNull === null) await condition(() => context.journal.stateOrNull !== null);
    const command = { type: 'cancelCase', reason } as const;
    // Built when the step runs, so offers, tasks and escalations from steps queued before it are withdrawn too.
    const recorded = context.journal.recordFinalFrom((state) => cancellationEvents(state, command, actor, now()), decideNow(context, command, actor));
    // The stages stop at their next wait; what they had sent to the journal is recorded before the cancellation.
    context.stages.cancel();
    return recorded.then(async (state) => {
      await escalations.stopAllLadders();
      return state;
    });
  }, {
    // While the request is still being registered the stage reads Intake; the journal records the cancellation after it.
    validator: ({ reason, actor }: CancelCaseRequest) => void decideNow(context, { type: 'cancelCase', reason }, actor),
  });
}

// Histories from before it compared each risk change with the state the signal found, so simultaneous changes repeated.
const RISK_CHANGE_FROM_RECORDED_STATE = 'risk-change-from-recorded-state';

/** Registers the facts that need no answer: a changed risk level and an expert's concern. */
export function registerSignals(context: CaseContext, escalations: CaseEscalations): void {
  setHandler(changeRisk, ({ level, reason, actor }: RiskChange) => {
    const state = context.journal.stateOrNull;
    const command = { type: 'changeRisk', level, reason } as const;
    // A change to the level the case already has is no reason to ignore the signal: another change may be queued first.
    if (!state || ignored(context, command, actor, 'risk_unchanged')) {
      log.warn('ignored an invalid risk change', { level, role: actor?.role });
      return;
    }
    const because = literalText(reason.trim());
    if (patched(RISK_CHANGE_FROM_RECORDED_STATE)) {
      // Changes sent at the same moment each see the same state here; only the step's own state shows what earlier
      // changes recorded, so a repeated change records nothing and `from` is the level the case really had.
      let from: RiskLevel | undefined;
      const announced = announceEscalation(context, escalations, 'riskRaised', () => {
        const pendingFrom = context.journal.pendingState?.riskLevel ?? 'MEDIUM';
        return compareRisk(level, pendingFrom) > 0 ? ESCALATION_REASONS.riskRaised(pendingFrom, level, because) : undefined;
      });
      void context.journal.recordFrom((current) => {
        from = current.riskLevel ?? 'MEDIUM';
        return from === level ? [] : [caseEvent('RiskLevelChanged', { from, to: level, reason: because }, actor, now())];
      })
        .then(() => (from !== undefined && compareRisk(level, from) > 0 ? escalations.raise('riskRaised', `risk:${level}`, ESCALATION_REASONS.riskRaised(from, level, because), announced) : undefined))
        .catch(() => undefined)
        .finally(() => announced && context.journal.release(announced));
      return;
    }
    const from = state.riskLevel ?? 'MEDIUM';
    if (from === level) return;
    void context.journal.record(caseEvent('RiskLevelChanged', { from, to: level, reason: because }, actor, now()))
      .then(() => (compareRisk(level, from) > 0 ? escalations.raise('riskRaised', `risk:${level}`, ESCALATION_REASONS.riskRaised(from, level, because)) : undefined))
      .catch(() => undefined);
  });

  setHandler(raiseConcern, ({ concern, actor }: Concern) => {
    if (!context.journal.stateOrNull || ignored(context, { type: 'raiseConcern', concern }, actor)) {
      log.warn('ignored an invalid concern', { role: actor?.role });
      return;
    }
    const reason = ESCALATION_REASONS.expertConcern(concern);
    const announced = announceEscalation(context, escalations, 'expertConcern', () => reason);
    void context.journal.record(caseEvent('ConcernRaised', { expertId: actor.id, concern: concern.trim() }, actor, now()))
      .then((after) => escalations.raise('expertConcern', `concern:${after.version}`, reason, announced))
      .catch(() => undefined)
      .finally(() => announced && context.journal.release(announced));
  });
}

// Patch id: a fact that will raise an escalation announces it at once, so that a closure decided before the escalation
// is recorded is refused with `escalations_open` instead of closing over it. The announcement issues no command, but a
// closure that older histories recorded in that moment would now be refused: they keep the old way.
const ANNOUNCES_ESCALATIONS = 'fact-announces-its-escalation';

/** Announces the escalation a fact will raise (when `reasonIfRaised` gives a reason), in histories that know the patch. */
function announceEscalation(
  context: CaseContext, escalations: CaseEscalations, trigger: EscalationTrigger, reasonIfRaised: () => DomainText | undefined,
): PendingEvents | undefined {
  const reason = reasonIfRaised();
  if (reason === undefined || !patched(ANNOUNCES_ESCALATIONS)) return undefined;
  return escalations.announce(trigger, reason);
}

// A signal gets no answer: one that decide refuses (bar the `tolerated` refusal) is ignored rather than failed. Decided
// against the recorded state, as histories from before the pending state saw it.
function ignored(context: CaseContext, command: CaseCommand, actor: Actor, tolerated?: CaseRefusalCode): boolean {
  const decision = decide(context.journal.stateOrNull, command, actor, now(), { ...decisionContext(context), recorded: undefined });
  return decision.outcome === 'refused' && decision.refusal.detail.code !== tolerated;
}

/** Evaluation and closure: waits until the coordinator has evaluated and closed the case. */
export async function awaitClosure(context: CaseContext): Promise<void> {
  await condition(() => context.stage === 'Closed');
}

