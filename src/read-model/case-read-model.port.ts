import type { CaseState } from '../domain/case.state';
import type { CaseStage } from '../domain/case.vocabulary';
import type { DeadlineSources } from '../domain/next-deadline';

/** One case as the `cases` read model holds it, kept in step with the event log inside each append. */
export interface CaseProjection {
  readonly caseId: string;
  readonly version: number;
  readonly stage: string;
  readonly riskLevel: string | null;
  readonly category: string;
  /** The municipality's name, for display. */
  readonly municipality: string;
  /** Its CBS code: what lists filter on. Null only for an old case whose name matched no register entry. */
  readonly municipalityCode: string | null;
  readonly safetyRegion: string;
  readonly state: CaseState;
  readonly lastHash: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Which page of the case list to read, and the filters a case must match to be on it. */
export interface CaseListQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly stage?: string;
  readonly risk?: string;
  readonly category?: string;
  readonly region?: string;
  readonly municipalityCode?: string;
}

/** One page of the case list, most recently changed first, with the number of cases that match the filters. */
export interface CaseProjectionPage {
  readonly rows: readonly CaseProjection[];
  readonly total: number;
}

/** How an expert takes part in a case: offered it, holding an open task in it, or on its team. */
export type Participation = 'offeredTo' | 'hasOpenTaskFor' | 'teamIncludes';

/** Open escalations at one rung of the ladder. */
export interface OpenEscalationCount {
  readonly level: number;
  readonly target: string;
  readonly count: number;
}

/** The parts of an open case's state that hold its deadlines (see `nextDeadline`). */
export type CaseDeadlineSources = DeadlineSources;

/** The `cases` read model: what features ask of the cases' folded state without replaying their events. */
export interface CaseReadModel {
  /** One case's row, or null when the read model holds no such case. */
  find(caseId: string): Promise<CaseProjection | null>;
  /** One page of the case list, most recently changed first. */
  page(query: CaseListQuery): Promise<CaseProjectionPage>;
  /** The folded states, as stored, of the cases the expert takes part in that way, leaving out cases in `excludedStages`. */
  participating(expertId: string, as: Participation, excludedStages: readonly CaseStage[]): Promise<CaseState[]>;
  /** The ids of the open cases a deactivation of the expert must reach, in id order. */
  openCasesOf(expertId: string): Promise<string[]>;
  /** The ids of the ended cases whose workflow history no HistoryArchived event records yet, oldest first. */
  endedCasesWithUnarchivedHistory(): Promise<string[]>;
  /** The number of cases in each stage. */
  casesByStage(): Promise<Map<string, number>>;
  /** Escalations still waiting for acknowledgement on open cases, grouped by the rung they are on. */
  openEscalations(): Promise<OpenEscalationCount[]>;
  /** The deadline-bearing lists of every open case, and nothing else of its state. */
  openCaseDeadlines(): Promise<CaseDeadlineSources[]>;
}

/** Injection token for the case read model port. */
export const CASE_READ_MODEL = Symbol('CaseReadModel');
