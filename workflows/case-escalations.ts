import { ParentClosePolicy, getExternalWorkflowHandle, setHandler, startChild, workflowInfo, type ChildWorkflowHandle } from '@temporalio/workflow';
import { caseEvent } from '../src/domain/case.events';
import type { DomainText } from '../src/domain/domain-text';
import { SYSTEM_ACTOR } from '../src/domain/case.vocabulary';
import { addMs } from '../src/domain/durations';
import { escalationLadder as ladderFor, type EscalationTrigger } from '../src/domain/escalation-policy';
import { now, notFound, requireCoordinator, type CaseContext } from './case-context';
import { escalationLadder } from './escalation-ladder.workflow';
import { acknowledgeEscalation, escalationAcknowledged, escalationLevelIncreased, type EscalationAcknowledgement } from './messages';

/** Raises escalations as child workflows, records their progress and takes acknowledgements. */
export class CaseEscalations {
  private sequence = 0;
  private readonly raising = new Set<string>();
  /** Acknowledgements being recorded, so the same escalation cannot be acknowledged twice in one moment. */
  private readonly acknowledging = new Set<string>();
  private readonly ladders = new Map<string, ChildWorkflowHandle<typeof escalationLadder>>();

  constructor(private readonly context: CaseContext) {
    setHandler(escalationLevelIncreased, ({ escalationId, level, target, ackDeadline }) => {
      if (!this.isOpen(escalationId)) return;
      void this.context.journal
        .record(caseEvent('EscalationLevelIncreased', { escalationId, level, target, ackDeadline }, SYSTEM_ACTOR, now()))
        .catch(() => undefined);
    });
    setHandler(acknowledgeEscalation, (input) => this.acknowledge(input), {
      validator: ({ escalationId, actor }: EscalationAcknowledgement) => {
        requireCoordinator(actor);
        if (!this.isOpen(escalationId) || this.acknowledging.has(escalationId)) throw notFound(`escalation ${escalationId} is not open on this case`);
      },
    });
  }

  /** Raises an escalation unless one about the same subject is already open. */
  async raise(trigger: EscalationTrigger, subject: string, reason: DomainText): Promise<void> {
    const state = this.context.journal.stateOrNull;
    if (!state || this.context.ended || this.raising.has(subject) || state.openEscalations.some((e) => e.subject === subject)) return;
    this.raising.add(subject);
    try {
      const escalationId = `esc-${++this.sequence}`;
      const ladder = ladderFor(state.category, state.riskLevel ?? 'MEDIUM');
      const [first] = ladder;
      await this.context.journal.record(caseEvent('EscalationRaised', {
        escalationId, trigger, subject, reason, level: first.level, target: first.target, ackDeadline: addMs(now(), first.ackTimeoutMs),
      }, SYSTEM_ACTOR, now()));
      const { workflowId } = workflowInfo();
      const handle = await startChild(escalationLadder, {
        workflowId: `${workflowId}-${escalationId}`,
        args: [{ caseId: state.caseId, escalationId, parentWorkflowId: workflowId, ladder }],
        // A ladder belongs to its case: when the case ends, its open ladders end with it.
        parentClosePolicy: ParentClosePolicy.TERMINATE,
      });
      this.ladders.set(escalationId, handle);
      // A case that ended while this ladder was starting has already told its ladders to stop; tell this one too.
      if (this.context.ended) await getExternalWorkflowHandle(handle.workflowId).signal(escalationAcknowledged).catch(() => undefined);
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
    if (this.acknowledging.has(escalationId)) throw notFound(`escalation ${escalationId} is not open on this case`);
    this.acknowledging.add(escalationId);
    const escalation = this.context.state.openEscalations.find((e) => e.escalationId === escalationId)!;
    const state = await this.context.journal.record(
      caseEvent('EscalationAcknowledged', { escalationId, level: escalation.level }, actor, now()),
      caseEvent('EscalationResolved', { escalationId, outcome: 'acknowledged' }, actor, now()),
    );
    const ladder = this.ladders.get(escalationId);
    if (ladder) await getExternalWorkflowHandle(ladder.workflowId).signal(escalationAcknowledged).catch(() => undefined);
    return state;
  }

  private async resolve(escalationId: string, outcome: 'unanswered'): Promise<void> {
    if (!this.isOpen(escalationId)) return;
    await this.context.journal.record(caseEvent('EscalationResolved', { escalationId, outcome }, SYSTEM_ACTOR, now())).catch(() => undefined);
  }

  private isOpen(escalationId: string): boolean {
    return !this.context.ended && (this.context.journal.stateOrNull?.openEscalations.some((e) => e.escalationId === escalationId) ?? false);
  }
}
