import type { CaseCategory, CaseStage, RiskLevel } from '../../../domain/case.vocabulary';
import { apiGet, queryString, sessionHeaders, sessionRefused } from '../api';
import { chosenLanguage } from '../i18n/language';
import { ApiError } from '../api-error';
import type { CaseStateAt, CaseTimeline } from '../../../api-contracts/case-history.contract';
import { exportFileName, type AuditVerification } from './audit-model';

/** A case in the auditor's list (`GET /cases`). */
export interface AuditListItem {
  readonly caseId: string;
  readonly stage: CaseStage;
  readonly riskLevel: RiskLevel | null;
  readonly category: CaseCategory;
  readonly municipality: string;
  readonly safetyRegion: string;
  readonly version: number;
  readonly updatedAt: string;
}

/** One page of the auditor's list. */
export interface AuditListPage {
  readonly items: readonly AuditListItem[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;

/** The read-only calls of the auditor's screens. */
export const auditApi = {
  list: (filters: { page: number; stage: string }, signal: AbortSignal) =>
    apiGet<AuditListPage>(`/cases${queryString({ page: filters.page, pageSize: 25, stage: filters.stage })}`, { signal }),
  timeline: (caseId: string, signal: AbortSignal) => apiGet<CaseTimeline>(`${casePath(caseId)}/timeline`, { signal }),
  stateAt: (caseId: string, version: number, signal: AbortSignal) =>
    apiGet<CaseStateAt>(`${casePath(caseId)}/state${queryString({ version })}`, { signal }),
  verify: (caseId: string, signal: AbortSignal) => apiGet<AuditVerification>(`${casePath(caseId)}/verify`, { signal }),
};

/**
 * Downloads the case's audit bundle exactly as the server sends it: the page fetches the file itself (with the session's
 * cookie) and hands it to the browser as a Blob behind a temporary link, so that a refused session is handled like any
 * other call's and the file keeps the name the page gives it.
 */
export async function downloadAuditExport(caseId: string): Promise<string> {
  const response = await fetch(`${casePath(caseId)}/export`, {
    headers: sessionHeaders('GET'),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (!response.ok) {
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const failure = ApiError.fromBody(response.status, body, chosenLanguage());
    if (response.status === 401) sessionRefused(failure);
    throw failure;
  }
  const fileName = exportFileName(caseId);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the Blob to the download by now; a moment's grace keeps slow browsers safe.
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }
  return fileName;
}
