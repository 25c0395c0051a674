import { ApplicationFailure, Context } from '@temporalio/activity';
import { caseEvent } from '../src/domain/case.events';
import type { Actor } from '../src/domain/case.vocabulary';
import type { RetentionRule } from '../src/domain/retention/retention-rules';
import { outcomeOfStage, retentionOf } from '../src/domain/retention/retention-schedule';
import { appendAfterEnd } from '../src/event-store/append-after-end';
import { IdempotencyKeyReuseError, InvalidAppendError } from '../src/event-store/event-store.errors';
import type { EventStore } from '../src/event-store/event-store.port';
import type { DataKeyStore } from '../src/key-store/data-key-store.port';
import type { DecisionActor, RetentionListCase, RetentionListDecision, RetentionStore } from '../src/retention-store/retention-store.port';

/** The actor of what the retention review does on its own: proposing, letting a list lapse, carrying it out. */
export const RETENTION_ACTOR: Actor = { role: 'system', id: 'brigade-retention' };

/** Dependencies of the retention activities. */
export interface RetentionActivityDependencies {
  readonly retentionStore: RetentionStore;
  readonly eventStore: EventStore;
  readonly keyStore: DataKeyStore;
  readonly retentionRules: readonly RetentionRule[];
  readonly retentionRulesSource: string;
}

/** What one review proposed. */
export interface ProposedList {
  readonly listId: string;
  readonly destroy: number;
  readonly transfer: number;
}

/** What carrying out an approved list did. */
export interface ExecutedList {
  readonly destroyedKeyIds: readonly string[];
  readonly casesRecorded: number;
  readonly markedForTransfer: number;
}

const PERMANENT_ERRORS = [InvalidAppendError, IdempotencyKeyReuseError];

/** Builds the activities of the daily retention review. */
export function createRetentionActivities(dependencies: RetentionActivityDependencies) {
  const { retentionStore, eventStore, keyStore, retentionRules, retentionRulesSource } = dependencies;
  return {
    /** Records a destruction list of every ended case whose retention period has passed at `asOf`; none when nothing is due. */
    async proposeRetentionList({ listId, asOf, workflowId }: { listId: string; asOf: string; workflowId: string }): Promise<ProposedList> {
      const due: RetentionListCase[] = [];
      for (const candidate of await retentionStore.retentionCandidates()) {
        const outcome = outcomeOfStage(candidate.stage)!;
        const decision = retentionOf(retentionRules, { ...candidate, outcome }, asOf);
        if (!decision?.due) continue;
        const { rule, dueAt } = decision;
        const keyIds = rule.action === 'destroy' ? [keyStore.keyIdFor({ kind: 'case', caseId: candidate.caseId })] : [];
        due.push({ ...candidate, outcome, ruleId: rule.id, keepFor: rule.keepFor, action: rule.action, dueAt, keyIds });
      }
      if (due.length > 0) await retentionStore.proposeList({ listId, workflowId, asOf, rulesSource: retentionRulesSource, cases: due });
      return { listId, destroy: due.filter((c) => c.action === 'destroy').length, transfer: due.filter((c) => c.action === 'transfer').length };
    },

    /** Records a coordinator's approval or rejection, or the list's lapse; false when the store refused it. */
    async recordRetentionDecision({ listId, decision, actor }: { listId: string; decision: RetentionListDecision['decision']; actor: DecisionActor }): Promise<boolean> {
      return retentionStore.recordListDecision(listId, decision, actor);
    },

    /**
     * Destroys the keys of an approved list's cases and records `CaseDataDestroyed` in each, then marks the list carried
     * out. Every step is repeatable: the store keeps a key's first tombstone, and the event's key is the list and case.
     */
    async executeRetentionList({ listId, approvedBy }: { listId: string; approvedBy: readonly string[] }): Promise<ExecutedList> {
      const list = await retentionStore.findList(listId);
      if (!list) throw ApplicationFailure.nonRetryable(`destruction list ${listId} does not exist`, 'RetentionListNotFound');
      const { workflowExecution, activityId } = Context.current().info;
      const destroyedAt = new Date().toISOString();
      const destroyedKeyIds: string[] = [];
      try {
        for (const listed of list.cases.filter((c) => c.action === 'destroy')) {
          for (const keyId of listed.keyIds) await keyStore.destroy(keyId, { reason: 'retention', reference: listId, destroyedAt });
          const event = caseEvent('CaseDataDestroyed', { listId, rule: listed.ruleId, approvedBy, destroyedKeyIds: listed.keyIds }, RETENTION_ACTOR, destroyedAt);
          await appendAfterEnd(eventStore, listed.caseId, event, `retention:${listId}:${listed.caseId}`,
            { workflowId: workflowExecution?.workflowId, runId: workflowExecution?.runId, activityId });
          destroyedKeyIds.push(...listed.keyIds);
        }
      } catch (error) {
        if (PERMANENT_ERRORS.some((type) => error instanceof type)) throw ApplicationFailure.nonRetryable((error as Error).message, (error as Error).name);
        throw error;
      }
      await retentionStore.recordListDecision(listId, 'executed', RETENTION_ACTOR);
      const destroyed = list.cases.filter((c) => c.action === 'destroy').length;
      return { destroyedKeyIds, casesRecorded: destroyed, markedForTransfer: list.cases.length - destroyed };
    },
  };
}

/** The retention activities' interface, which the review workflow proxies. */
export type RetentionActivities = ReturnType<typeof createRetentionActivities>;
