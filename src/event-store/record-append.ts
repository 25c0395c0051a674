import type { DataSource } from 'typeorm';
import type { CaseState } from '../domain/case.state';
import { APPEND_FUNCTION } from '../database/case-append-schema';
import type { ChainedEventRow } from './chained-events';
import type { AppendRequest } from './event-store.port';
import { runPrepared, type PreparedStatement } from './prepared-statement';
import type { RecordedBatch } from './stream-head';

/** What the append function answered: the batch it recorded, or, `deduplicated`, the one the key recorded before. */
export interface RecordedAppend extends RecordedBatch {
  readonly deduplicated: boolean;
}

const CALL: PreparedStatement = {
  name: 'brigade_append_case_events',
  text: `SELECT * FROM ${APPEND_FUNCTION}(${Array.from({ length: 16 }, (_, index) => `$${index + 1}`).join(', ')})`,
};

/**
 * Records an append's chained rows and its sealed state through the database's append function: one statement, its own
 * transaction, so the append takes one round trip and one commit. The function refuses a wrong expected version.
 */
export async function recordAppend(
  dataSource: DataSource, request: AppendRequest, recordedAt: Date, rows: readonly ChainedEventRow[], state: CaseState,
): Promise<RecordedAppend> {
  const causation = request.causation ?? {};
  const [[caseId, fromVersion, toVersion, deduplicated]] = await runPrepared(dataSource, CALL, [
    request.caseId, request.expectedVersion, request.idempotencyKey, recordedAt,
    causation.workflowId ?? null, causation.runId ?? null, causation.activityId ?? null, JSON.stringify(rows),
    request.events.map((event) => new Date(event.occurredAt)),
    JSON.stringify(state), state.stage, state.riskLevel ?? null, state.category, state.municipality, state.safetyRegion, state.municipalityCode ?? null,
  ]) as [[string, number, number, boolean]];
  return { caseId, fromVersion, toVersion, deduplicated };
}
