import { ApplicationFailure, Context } from '@temporalio/activity';
import type { NewCaseEvent } from '../src/domain/case.events';
import { IdempotencyKeyReuseError, InvalidAppendError, StreamMismatchError, VersionConflictError } from '../src/event-store/event-store.errors';
import type { AppendResult, EventStore } from '../src/event-store/event-store.port';
import { DataKeyDestroyedError } from '../src/key-store/key-store.errors';

/** What the workflow asks to record: the case's new events after the version it last saw. */
export interface RecordCaseEventsInput {
  readonly caseId: string;
  readonly expectedVersion: number;
  readonly events: readonly NewCaseEvent[];
  readonly idempotencyKey: string;
}

/** Dependencies of the event activities. */
export interface EventActivityDependencies {
  readonly eventStore: EventStore;
}

// Errors that another attempt cannot fix: retrying them would only hide a bug, or wait for a destroyed key that never
// comes back. A key store that is merely unreachable is retried like a database that is.
const PERMANENT_ERRORS = [VersionConflictError, StreamMismatchError, InvalidAppendError, IdempotencyKeyReuseError, DataKeyDestroyedError];

/** Builds the activities that write case events to the event store. */
export function createEventActivities({ eventStore }: EventActivityDependencies) {
  return {
    /** Appends the workflow's events exactly once, however often Temporal retries this activity. */
    async recordCaseEvents(input: RecordCaseEventsInput): Promise<AppendResult> {
      const { workflowExecution, activityId } = Context.current().info;
      try {
        return await eventStore.append({
          ...input,
          causation: { workflowId: workflowExecution?.workflowId, runId: workflowExecution?.runId, activityId },
        });
      } catch (error) {
        if (PERMANENT_ERRORS.some((type) => error instanceof type)) {
          throw ApplicationFailure.nonRetryable((error as Error).message, (error as Error).name);
        }
        throw error;
      }
    },
  };
}
