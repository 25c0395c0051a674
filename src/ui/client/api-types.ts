import type { Actor, CaseCategory, CaseStage, RiskLevel, SafetyRegion } from '../../domain/case.vocabulary';
import type { CaseEventType } from '../../domain/case.events';
import type { NextDeadline } from '../../domain/next-deadline';

// The board, the inbox and the case page share the one rule for a case's next deadline, and so its shape.
export type { NextDeadline };

/** One case of `GET /cases`. */
export interface CaseListItem {
  readonly caseId: string;
  readonly stage: CaseStage;
  readonly riskLevel: RiskLevel | null;
  readonly category: CaseCategory;
  readonly municipality: string;
  readonly safetyRegion: SafetyRegion;
  readonly version: number;
  readonly updatedAt: string;
  readonly nextDeadline: NextDeadline | null;
  readonly openEscalations: number;
  readonly failedNotifications: number;
  readonly stuckWorkflowAttempts: number | null;
}

/** One page of a list answer. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}


/** One stored event of `GET /cases/:id/events`. */
export interface StoredCaseEvent {
  readonly caseId: string;
  readonly version: number;
  readonly type: CaseEventType;
  readonly data: Record<string, unknown>;
  readonly actor: Actor;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly hash: string;
}

/** An expert of `GET /experts`, as far as the coordinator's screens use it. */
export interface ExpertSummary {
  readonly expertId: string;
  readonly name: string;
  readonly categories: readonly CaseCategory[];
  /** Null while an old free-text home that matched no register entry awaits a fix. */
  readonly homeMunicipality: { readonly code: string; readonly name: string } | null;
  readonly safetyRegion: SafetyRegion;
  readonly active: boolean;
}
