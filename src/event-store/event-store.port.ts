import type { CaseEvent, NewCaseEvent } from '../domain/case.events';

/** Where an append came from in Temporal, recorded with each event. */
export interface Causation {
  readonly workflowId?: string;
  readonly runId?: string;
  readonly activityId?: string;
}

/** One append request: the events, the version the caller last saw, and the key that makes a retry harmless. */
export interface AppendRequest {
  readonly caseId: string;
  readonly expectedVersion: number;
  readonly events: readonly NewCaseEvent[];
  readonly idempotencyKey: string;
  readonly causation?: Causation;
}

/** A case event as stored: the domain event plus its envelope and hash chain. */
export type StoredCaseEvent = CaseEvent & {
  readonly position: number;
  readonly recordedAt: string;
  readonly causation: Causation;
  readonly idempotencyKey: string;
  readonly prevHash: string;
  readonly hash: string;
};

/** What an append did; `deduplicated` is true when the idempotency key had been used before. */
export interface AppendResult {
  readonly caseId: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly deduplicated: boolean;
}

/** The outcome of recomputing a case's hash chain. */
export interface ChainVerification {
  readonly caseId: string;
  readonly valid: boolean;
  readonly eventCount: number;
  readonly lastHash: string | null;
  /** The first version whose stored hash, link or position does not match, when the chain is broken. */
  readonly firstInvalidVersion: number | null;
  readonly problem: string | null;
}

/** The append-only, hash-chained log of case events. */
export interface EventStore {
  /** Appends events atomically after checking the idempotency key and the expected version. */
  append(request: AppendRequest): Promise<AppendResult>;
  /** Reads a case's events in version order, optionally up to and including `toVersion`. */
  readStream(caseId: string, toVersion?: number): Promise<StoredCaseEvent[]>;
  /** Recomputes a case's hash chain and names the first version that does not match. */
  verify(caseId: string): Promise<ChainVerification>;
}

/** Injection token for the event store port. */
export const EVENT_STORE = Symbol('EventStore');

/** Injection token for the event store the worker's activities append through: the same store, timed and counted by whoever provides it. */
export const MEASURED_EVENT_STORE = Symbol('MeasuredEventStore');
