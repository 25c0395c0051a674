import type { Actor, RiskLevel } from './case.vocabulary';
import type { SupportRequest } from './support-request';

/** Payloads of every case event, keyed by the event's type name. */
export interface CaseEventPayloads {
  RequestReceived: { readonly request: SupportRequest };
  IntakeAssessed: { readonly riskLevel: RiskLevel; readonly score: number; readonly reasons: readonly string[] };
  RequestAccepted: { readonly note?: string };
  RequestRejected: { readonly reason: string };
  CaseClosed: { readonly summary?: string };
}

/** The name of a case event type. */
export type CaseEventType = keyof CaseEventPayloads;

/** Current schema version of each event type; bump it when a payload changes shape. */
export const CASE_EVENT_SCHEMA_VERSIONS: { readonly [T in CaseEventType]: number } = {
  RequestReceived: 1,
  IntakeAssessed: 1,
  RequestAccepted: 1,
  RequestRejected: 1,
  CaseClosed: 1,
};

/** Every event type name, in catalogue order. */
export const CASE_EVENT_TYPES = Object.keys(CASE_EVENT_SCHEMA_VERSIONS) as CaseEventType[];

/** A case event as the workflow proposes it, before the store gives it a version. */
export type NewCaseEvent = {
  [T in CaseEventType]: {
    readonly type: T;
    readonly schemaVersion: number;
    readonly data: CaseEventPayloads[T];
    readonly actor: Actor;
    /** Workflow time of the fact, ISO 8601. */
    readonly occurredAt: string;
  };
}[CaseEventType];

/** A case event with its position in the case's stream. */
export type CaseEvent = NewCaseEvent & { readonly caseId: string; readonly version: number };

/** Builds a new event of the given type with the catalogue's current schema version. */
export function caseEvent<T extends CaseEventType>(
  type: T,
  data: CaseEventPayloads[T],
  actor: Actor,
  occurredAt: string,
): NewCaseEvent {
  return { type, schemaVersion: CASE_EVENT_SCHEMA_VERSIONS[type], data, actor, occurredAt } as NewCaseEvent;
}
