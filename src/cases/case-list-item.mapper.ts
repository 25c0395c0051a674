import { FINAL_STAGES } from '../domain/case.vocabulary';
import type { CaseProjection } from '../read-model/case-read-model.port';
import { nextDeadline, type NextDeadline } from '../domain/next-deadline';

/** One case in `GET /cases`: what a coordinator scans a list by, and what falls due next. */
export interface CaseListItem {
  readonly caseId: string;
  readonly stage: string;
  readonly riskLevel: string | null;
  readonly category: string;
  /** The municipality's CBS code; null only for an old case whose name matched no register entry. */
  readonly municipalityCode: string | null;
  readonly municipality: string;
  readonly safetyRegion: string;
  readonly version: number;
  readonly updatedAt: string;
  readonly nextDeadline: NextDeadline | null;
  /** Escalations nobody has acknowledged yet; 0 once the case has ended, since nobody is waiting for them any more. */
  readonly openEscalations: number;
  /** Messages about the case that could not be sent, after every retry: someone must reach those people another way. */
  readonly failedNotifications: number;
  /** The attempt a workflow task of the case is at when it keeps failing (the case makes no progress); null otherwise. */
  readonly stuckWorkflowAttempts: number | null;
}

/** Turns a row of the `cases` read model into a list item, with what the API last saw of its workflows being stuck. */
export function toCaseListItem(row: CaseProjection, stuckWorkflowAttempts: number | null = null): CaseListItem {
  return {
    caseId: row.caseId,
    stage: row.stage,
    riskLevel: row.riskLevel,
    category: row.category,
    municipalityCode: row.municipalityCode,
    municipality: row.municipality,
    safetyRegion: row.safetyRegion,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    nextDeadline: nextDeadline(row.state),
    // Rows projected by older versions of the case state may lack the list.
    openEscalations: FINAL_STAGES.includes(row.state.stage) ? 0 : (row.state.openEscalations ?? []).length,
    failedNotifications: row.state.failedNotifications ?? 0,
    stuckWorkflowAttempts,
  };
}
