import {
  ParentClosePolicy, condition, getExternalWorkflowHandle, patched, setHandler, startChild, workflowInfo, type ChildWorkflowHandle,
} from '@temporalio/workflow';
import { caseEvent } from '../src/domain/case.events';
import type { CaseState } from '../src/domain/case.state';
import { settledEscalations, type SettledEscalation } from '../src/domain/escalation-causes';
import type { DomainText } from '../src/domain/domain-text';
import { SYSTEM_ACTOR } from '../src/domain/case.vocabulary';
import { addMs } from '../src/domain/durations';
import { escalationLadder as ladderFor, type EscalationTrigger } from '../src/domain/escalation-policy';
import { now, type CaseContext } from './case-context';
import type { PendingEvents } from './case-journal';
import { decideAt, decideNow } from './case-decisions';
import { escalationLadder } from './escalation-ladder.workflow';
import { acknowledgeEscalation, escalationAcknowledged, escalationLevelIncreased, type EscalationAcknowledgement } from './messages';

// Patch id: resolving an escalation whose cause went away records events and stops a ladder, which older histories lack.
const RESOLVES_SETTLED_CAUSES = 'escalation-resolved-when-cause-resolved';

/** Raises escalations as child workflows, records their progress, takes acknowledgements and resolves what has settled. */
export class CaseEscalations {
  private sequence = 0;
  private announcements = 0;
  // Kept: an escalation is raised by the workflow itself, not decided, and its subject must stay taken until its ladder has started.
  private readonly raising = new Set<string>();
  /** Acknowledgements being recorded: a settled-cause step queued before one must not resolve its escalation first (the pending state cannot tell a later step's claim). */
  private readonly acknowledging = new Set<string>();
  private readonly ladders = new Map<string, ChildWorkflowHandle<typeof escalationLadder>>();

  constructor(private readonly context: CaseContext) {
    setHandler(escalationLevelIncreased, ({ escalationId, level, target, ackDeadline }) => {
      if (!this.isOpen(escalationId)) return;
      void this.context.journal
        .recordFrom((state) => (isOpenIn(state, escalationId)
          ? [caseEvent('EscalationLevelIncreased', { escalationId, level, target, ackDeadline }, SYSTEM_ACTOR, now())]
          : []))
        .catch(() => undefined);
    });
    setHandler(acknowledgeEscalation, (input) => this.acknowledge(input), {
      validator: ({ escalationId, actor }: EscalationAcknowledgement) => void decideNow(this.context, { type: 'acknowledgeEscalation', escalationId }, actor),
    });
    void this.resolveSettledCauses();
  }

  /**
   * Announces the escalation that a fact now being recorded will raise, so that a decision taken before it is raised (a
   * closure) finds it open in the pending state; `raise` turns the announcement into its step, or drops it.
   */
  announce(trigger: EscalationTrigger, reason: DomainText): PendingEvents | undefined {
    const state = this.context.journal.pendingState;
    if (!state || this.context.ended) return undefined;
    const [first] = ladderFor(state.category, state.riskLevel ?? 'MEDIUM');
    // Seen only in the pending state, never recorded: the id and subject need only be unlike any real escalation's.
    const announced = `announced-${++this.announcements}`;
    return this.context.journal.claim([caseEvent('EscalationRaised', {
      escalationId: announced, trigger, subject: announced, reason, level: first.level, target: first.target, ackDeadline: addMs(now(), first.ackTimeoutMs),
    }, SYSTEM_ACTOR, now())]);
  }

  /** Raises an escalation unless one about the same subject is already open; an announcement of it ends here either way. */
  async raise(trigger: EscalationTrigger, subject: string, reason: DomainText, announcement?: PendingEvents): Promise<void> {
    try {
      await this.raiseOnce(trigger, subject, reason, announcement);
    } finally {
      if (announcement) this.context.journal.release(announcement);
    }
  }

  private async raiseOnce(trigger: EscalationTrigger, subject: string, reason: DomainText, announcement?: PendingEvents): Promise<void> {
    const state = this.context.journal.stateOrNull;
    if (!state || this.context.ended || this.raising.has(subject) || state.openEscalations.some((e) => e.subject === subject)) return;
    this.raising.add(subject);
    try {
      const escalationId = `esc-${++this.sequence}`;
      const ladder = ladderFor(state.category, state.riskLevel ?? 'MEDIUM');
      const [first] = ladder;
      const raised = caseEvent('EscalationRaised', {
        escalationId, trigger, subject, reason, level: first.level, target: first.target, ackDeadline: addMs(now(), first.ackTimeoutMs),
      }, SYSTEM_ACTOR, now());
      // The step takes the announcement's place in the pending state (or shows the escalation itself when none was made).
      await this.context.journal.recordFrom(() => [raised], announcement ?? [raised]);
      const { workflowId } = workflowInfo();
      const handle = await startChild(escalationLadder, {
        workflowId: `${workflowId}-${escalationId}`,
        args: [{ caseId: state.caseId, escalationId, parentWorkflowId: workflowId, ladder }],
        // A ladder belongs to its case: when the case ends, its open ladders end with it.
        parentClosePolicy: ParentClosePolicy.TERMINATE,
      });
      this.ladders.set(escalationId, handle);
      // A case that ended, or an escalation whose cause went, while this ladder was starting has already told the
      // ladders it knew to stop; tell this one too. (Older histories resolved nothing on its own.)
      if (this.context.ended || (!this.isOpen(escalationId) && patched(RESOLVES_SETTLED_CAUSES))) {
        await getExternalWorkflowHandle(handle.workflowId).signal(escalationAcknowledged).catch(() => undefined);
      }
      void handle.result().then(
        ({ outcome }) => (outcome === 'unanswered' ? this.resolve(escalationId, 'unanswered') : undefined),
        () => undefined,
      );
    } finally {
      this.raising.delete(subject);
    }
  }

  /** Tells every ladder still climbing to stop, so none outlives its case even where the parent-close policy is not applied. */
  async stopAllLadders(): Promise<void> {
    await Promise.all([...this.ladders.values()].map((ladder) =>
      getExternalWorkflowHandle(ladder.workflowId).signal(escalationAcknowledged).catch(() => undefined)));
  }

  private async acknowledge({ escalationId, actor }: EscalationAcknowledgement) {
    const command = { type: 'acknowledgeEscalation', escalationId } as const;
    const expected = decideNow(this.context, command, actor);
    this.acknowledging.add(escalationId);
    // Built when the step runs: the workflow may have resolved the escalation itself meanwhile, its cause gone.
    const state = await this.context.journal.recordFrom((current) => decideAt(this.context, current, command, actor), expected)
      .finally(() => this.acknowledging.delete(escalationId));
    await this.stopLadder(escalationId);
    return state;
  }

  private async resolve(escalationId: string, outcome: 'unanswered'): Promise<void> {
    if (!this.isOpen(escalationId)) return;
    await this.context.journal.recordFrom((state) => (isOpenIn(state, escalationId)
      ? [caseEvent('EscalationResolved', { escalationId, outcome }, SYSTEM_ACTOR, now())]
      : [])).catch(() => undefined);
  }

  /**
   * Resolves, as soon as the case shows it, every open escalation whose cause has gone (see `settledEscalations`): a
   * failed match once the team stands, an overdue task once it is done. Left open, such an escalation would climb on.
   */
  private async resolveSettledCauses(): Promise<void> {
    const settled = () => {
      const state = this.context.journal.stateOrNull;
      return state && !this.context.ended ? settledEscalations(state).filter((s) => !this.acknowledging.has(s.escalationId)) : [];
    };
    for (;;) {
      await condition(() => this.context.ended || settled().length > 0);
      // Histories from before this rule left such escalations open, for a coordinator to acknowledge.
      if (this.context.ended || !patched(RESOLVES_SETTLED_CAUSES)) return;
      let resolved: SettledEscalation[] = [];
      try {
        await this.context.journal.recordFrom((state) => {
          resolved = settledEscalations(state).filter(({ escalationId }) => !this.acknowledging.has(escalationId));
          return resolved.map(({ escalationId, resolution }) =>
            caseEvent('EscalationResolved', { escalationId, outcome: 'causeResolved', resolution }, SYSTEM_ACTOR, now()));
        });
      } catch {
        // The case ended, or its stream needs an operator: nothing more is recorded, so there is nothing left to watch.
        return;
      }
      await Promise.all(resolved.map(({ escalationId }) => this.stopLadder(escalationId)));
    }
  }

  private async stopLadder(escalationId: string): Promise<void> {
    const ladder = this.ladders.get(escalationId);
    if (ladder) await getExternalWorkflowHandle(ladder.workflowId).signal(escalationAcknowledged).catch(() => undefined);
  }

  private isOpen(escalationId: string): boolean {
    return !this.context.ended && (this.context.journal.stateOrNull?.openEscalations.some((e) => e.escalationId === escalationId) ?? false);
  }
}

function isOpenIn(state: CaseState, escalationId: string): boolean {
  return state.openEscalations.some((e) => e.escalationId === escalationId);
}
