import type { CaseEvent } from './case.events';
import type { CaseCategory, CaseStage, RequesterRole, RiskLevel, SafetyRegion } from './case.vocabulary';

/** Everything known about a case after folding its events. */
export interface CaseState {
  readonly caseId: string;
  readonly stage: CaseStage;
  readonly version: number;
  readonly category: CaseCategory;
  readonly municipality: string;
  readonly safetyRegion: SafetyRegion;
  readonly requesterRole: RequesterRole;
  readonly eventDate: string | null;
  readonly riskLevel: RiskLevel | null;
  readonly riskReasons: readonly string[];
  readonly rejectionReason: string | null;
  readonly receivedAt: string;
  readonly updatedAt: string;
  readonly closedAt: string | null;
}

/** Thrown when events arrive in an order the case's history cannot contain. */
export class InvalidCaseHistoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCaseHistoryError';
  }
}

/** Folds one event into the case state; the only place where state changes. */
export function evolve(state: CaseState | null, event: CaseEvent): CaseState {
  if (event.type === 'RequestReceived') {
    if (state) throw new InvalidCaseHistoryError(`case ${event.caseId} received its request twice`);
    const { request } = event.data;
    return {
      caseId: event.caseId,
      stage: 'Intake',
      version: event.version,
      category: request.category,
      municipality: request.municipality,
      safetyRegion: request.safetyRegion,
      requesterRole: request.requesterRole,
      eventDate: request.eventDate ?? null,
      riskLevel: null,
      riskReasons: [],
      rejectionReason: null,
      receivedAt: event.occurredAt,
      updatedAt: event.occurredAt,
      closedAt: null,
    };
  }
  if (!state) throw new InvalidCaseHistoryError(`case ${event.caseId} starts with ${event.type}, not RequestReceived`);
  const next = { ...state, version: event.version, updatedAt: event.occurredAt };
  switch (event.type) {
    case 'IntakeAssessed':
      return { ...next, stage: 'Triage', riskLevel: event.data.riskLevel, riskReasons: event.data.reasons };
    case 'RequestAccepted':
      return { ...next, stage: 'Accepted' };
    case 'RequestRejected':
      return { ...next, stage: 'Rejected', rejectionReason: event.data.reason };
    case 'CaseClosed':
      return { ...next, stage: 'Closed', closedAt: event.occurredAt };
    default:
      return assertNever(event);
  }
}

/** Folds a whole stream, oldest first, into the case state (null for an empty stream). */
export function foldCase(events: readonly CaseEvent[]): CaseState | null {
  return events.reduce<CaseState | null>(evolve, null);
}

function assertNever(value: never): never {
  throw new InvalidCaseHistoryError(`unknown case event ${JSON.stringify(value)}`);
}
