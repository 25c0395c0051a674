import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { CaseActivities } from '../activities';
import type { NewCaseEvent } from '../src/domain/case.events';
import { evolve, type CaseState } from '../src/domain/case.state';

const { recordCaseEvents } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  // Retries go on for as long as the database is away; the idempotency key makes every retry harmless.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** The workflow's record of its case: appends events one step at a time and folds them into live state. */
export class CaseJournal {
  private currentState: CaseState | null = null;
  private step = 0;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(readonly caseId: string) {}

  /** The case state after every event recorded so far. */
  get state(): CaseState | null {
    return this.currentState;
  }

  /** Records events as one step; steps run one after another even when handlers overlap. */
  record(...events: NewCaseEvent[]): Promise<CaseState> {
    const next = this.tail.then(() => this.append(events));
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async append(events: NewCaseEvent[]): Promise<CaseState> {
    const { workflowId, runId } = workflowInfo();
    const expectedVersion = this.currentState?.version ?? 0;
    // Deterministic per step, so a retried or replayed step carries the same key and appends once.
    const idempotencyKey = `${workflowId}:${runId}:step-${++this.step}`;
    await recordCaseEvents({ caseId: this.caseId, expectedVersion, events, idempotencyKey });
    events.forEach((event, index) => {
      this.currentState = evolve(this.currentState, { ...event, caseId: this.caseId, version: expectedVersion + index + 1 });
    });
    return this.currentState!;
  }
}
