import {
  ActivityFailure, ApplicationFailure, CancellationScope, CancelledFailure, patched, proxyActivities, upsertSearchAttributes, workflowInfo,
} from '@temporalio/workflow';
import type { CaseActivities } from '../activities';
import type { CaseRefusalDetail } from '../src/domain/case-refusal-codes';
import type { CaseEvent, NewCaseEvent } from '../src/domain/case.events';
import { evolve, type CaseState } from '../src/domain/case.state';
import { STREAM_CONFLICT_ERRORS } from '../src/domain/stream-conflict';
import { CASE_FAILURE } from './messages';
import { BRIGADE_CATEGORY, BRIGADE_MUNICIPALITY, BRIGADE_RISK, BRIGADE_SAFETY_REGION, BRIGADE_STAGE } from './search-attributes';

/** The change that publishes the municipality's CBS code instead of its name as the search attribute. */
export const MUNICIPALITY_CODE_ATTRIBUTE_PATCH = 'municipality-code-search-attribute';

const { recordCaseEvents } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  // Retries go on for as long as the database is away; the idempotency key makes every retry harmless.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** Events a queued step, or a decision still on its way to becoming one, is expected to record. */
export interface PendingEvents {
  readonly events: readonly NewCaseEvent[];
}

/** Told of every event once it is recorded, with the state just before and just after it. */
export type RecordedEventListener = (event: CaseEvent, before: CaseState | null, after: CaseState) => void;

/** The workflow's record of its case: appends events one step at a time and folds them into live state. */
export class CaseJournal {
  private currentState: CaseState | null = null;
  private readonly queued = new Set<PendingEvents>();
  private readonly claims = new Set<PendingEvents>();
  private step = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private sealed = false;
  private finalStep?: Promise<CaseState>;
  private streamConflict?: string;
  private readonly listeners: RecordedEventListener[] = [];

  constructor(readonly caseId: string) {}

  /** The case state after every event recorded so far. */
  get state(): CaseState {
    if (!this.currentState) throw new Error(`case ${this.caseId} has no recorded events yet`);
    return this.currentState;
  }

  /** The state, or null before the first event. */
  get stateOrNull(): CaseState | null {
    return this.currentState;
  }

  /**
   * The state after every step queued so far (and every claim), not only the recorded ones: what decisions are taken
   * against, so that a task being completed reads completed and a place being taken reads taken. Steps built when they
   * run count with the events their callers expect of them.
   */
  get pendingState(): CaseState | null {
    let state = this.currentState;
    let version = state?.version ?? 0;
    for (const pending of [...this.queued, ...this.claims]) {
      for (const event of pending.events) {
        try {
          state = evolve(state, { ...event, caseId: this.caseId, version: ++version });
        } catch {
          // A projection that no longer fits (its step will be refused when it runs) shows nothing.
        }
      }
    }
    return state;
  }

  /** Calls `listener` for every event recorded from now on, in order, as soon as the state has moved past it. */
  onRecorded(listener: RecordedEventListener): void {
    this.listeners.push(listener);
  }

  /** Claims events a decision will record once an await is behind it; pass the claim to `recordFrom`, or `release` it. */
  claim(events: readonly NewCaseEvent[]): PendingEvents {
    const claim = { events };
    this.claims.add(claim);
    return claim;
  }

  /** Drops a claim that did not become a step. */
  release(claim: PendingEvents): void {
    this.claims.delete(claim);
  }

  /**
   * Why the stored stream and this workflow disagree, once an append found that they do; from then on nothing more is
   * recorded and every decision is refused with this reason until an operator has reconciled the case.
   */
  get conflict(): string | undefined {
    return this.streamConflict;
  }

  /** Whether a final event has been queued; nothing may be recorded after it. */
  get isSealed(): boolean {
    return this.sealed;
  }

  /** Records events as one step; steps run one after another even when handlers overlap. */
  record(...events: NewCaseEvent[]): Promise<CaseState> {
    return this.recordFrom(() => events, events);
  }

  /**
   * Records a step whose events are worked out from the state at the moment the step runs, after every earlier step;
   * `expected` (events, or a claim that becomes this step's) is what the pending state shows until then.
   */
  recordFrom(build: (state: CaseState) => NewCaseEvent[], expected: readonly NewCaseEvent[] | PendingEvents = []): Promise<CaseState> {
    const pending = 'events' in expected ? expected : { events: expected };
    this.claims.delete(pending);
    if (this.sealed) return Promise.reject(new CancelledFailure(`case ${this.caseId} has ended; nothing more is recorded`));
    return this.enqueue(build, pending);
  }

  /**
   * Records bookkeeping about the case's work that may follow its last step (that a message went out): it is queued
   * like any step, also after the final one, but never before the final one it follows.
   */
  recordAfterward(...events: NewCaseEvent[]): Promise<CaseState> {
    return this.enqueue(() => events, { events });
  }

  private enqueue(build: (state: CaseState) => NewCaseEvent[], pending: PendingEvents): Promise<CaseState> {
    if (this.streamConflict) return Promise.reject(this.conflictRefusal());
    this.queued.add(pending);
    const next = this.tail.then(() => this.append(build, pending));
    next.catch(() => this.queued.delete(pending));
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Records the case's last step, built from the state it finds, and refuses any later ones. */
  recordFinalFrom(build: (state: CaseState) => NewCaseEvent[], expected: readonly NewCaseEvent[] = []): Promise<CaseState> {
    const recorded = this.recordFrom(build, expected);
    this.sealed = true;
    this.finalStep = recorded;
    return recorded;
  }

  /** Records the case's last events and refuses any later ones. */
  recordFinal(...events: NewCaseEvent[]): Promise<CaseState> {
    return this.recordFinalFrom(() => events, events);
  }

  /** The final step once one is queued: the workflow waits on it, and fails with it if it cannot be recorded. */
  get final(): Promise<CaseState> | undefined {
    return this.finalStep;
  }

  private async append(build: (state: CaseState) => NewCaseEvent[], pending: PendingEvents): Promise<CaseState> {
    if (this.streamConflict) throw this.conflictRefusal();
    const events = this.currentState ? build(this.currentState) : build(null as unknown as CaseState);
    if (events.length === 0) {
      this.queued.delete(pending);
      return this.currentState!;
    }
    const { workflowId, firstExecutionRunId } = workflowInfo();
    const expectedVersion = this.currentState?.version ?? 0;
    // Deterministic per step, so a retried or replayed step carries the same key and appends once. The first run's id is
    // the run's own until an operator resets the workflow, and a reset keeps it: a step the reset runs again finds its
    // append already recorded instead of colliding with it.
    const idempotencyKey = `${workflowId}:${firstExecutionRunId}:step-${++this.step}`;
    // Once sent, an append must be seen through even if the case is being cancelled, or the version would drift.
    try {
      await CancellationScope.nonCancellable(() => recordCaseEvents({ caseId: this.caseId, expectedVersion, events, idempotencyKey }));
    } catch (error) {
      const conflict = streamConflictIn(error);
      if (conflict === undefined) throw error;
      this.streamConflict = conflict;
      throw this.conflictRefusal();
    }
    const before = this.currentState;
    const folded = events.map((event, index) => {
      const stored: CaseEvent = { ...event, caseId: this.caseId, version: expectedVersion + index + 1 };
      const previous = this.currentState;
      this.currentState = evolve(this.currentState, stored);
      return { stored, previous, next: this.currentState };
    });
    // In the same moment as the state moves on, so that the pending state never counts these events twice.
    this.queued.delete(pending);
    this.publishSearchAttributes(before, this.currentState!);
    for (const { stored, previous, next } of folded) this.listeners.forEach((listener) => listener(stored, previous, next));
    return this.currentState!;
  }

  private publishSearchAttributes(before: CaseState | null, after: CaseState): void {
    if (before && before.stage === after.stage && before.riskLevel === after.riskLevel) return;
    upsertSearchAttributes([
      { key: BRIGADE_STAGE, value: after.stage },
      { key: BRIGADE_CATEGORY, value: after.category },
      { key: BRIGADE_MUNICIPALITY, value: municipalityAttribute(after) },
      { key: BRIGADE_SAFETY_REGION, value: after.safetyRegion },
      ...(after.riskLevel ? [{ key: BRIGADE_RISK, value: after.riskLevel }] : []),
    ]);
  }

  /** The refusal every decision gets once the stored stream and this workflow disagree. */
  conflictRefusal(): ApplicationFailure {
    return ApplicationFailure.create({
      type: CASE_FAILURE.conflict,
      message: `case ${this.caseId} cannot take this decision until an operator reconciles its recorded events with its workflow: ${this.streamConflict}`,
      nonRetryable: true,
      details: [{ code: 'case_needs_reconciliation', params: { caseId: this.caseId, detail: this.streamConflict ?? '' } } satisfies CaseRefusalDetail],
    });
  }
}

/** The worker's reason when an append failed because the stored stream and the workflow disagree, else undefined. */
function streamConflictIn(error: unknown): string | undefined {
  const cause = error instanceof ActivityFailure ? error.cause : undefined;
  return cause instanceof ApplicationFailure && STREAM_CONFLICT_ERRORS.includes(cause.type ?? '') ? cause.message : undefined;
}

// Histories recorded before the register published the name; patched() keeps their commands as they were recorded.
function municipalityAttribute(state: CaseState): string {
  return patched(MUNICIPALITY_CODE_ATTRIBUTE_PATCH) ? state.municipalityCode ?? state.municipality : state.municipality;
}
