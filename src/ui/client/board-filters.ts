import {
  CASE_CATEGORIES, CASE_STAGES, FINAL_STAGES, RISK_LEVELS, SAFETY_REGIONS,
  type CaseCategory, type CaseStage, type RiskLevel, type SafetyRegion,
} from '../../domain/case.vocabulary';
import type { CaseListItem } from './api-types';

/** The board's filters, as they stand in its address (`/ui/board?risk=HIGH&q=goes`), so a filtered board is a link. */
export interface BoardFilters {
  readonly stage: CaseStage | '';
  readonly risk: RiskLevel | '';
  readonly category: CaseCategory | '';
  readonly region: SafetyRegion | '';
  /** Free text matched against municipality, region, category and case number. */
  readonly q: string;
  /** Whether closed, rejected and cancelled cases are listed too. */
  readonly ended: boolean;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | '' {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : '';
}

/** Reads the filters from a query string; values the API would refuse are dropped rather than sent. */
export function parseBoardFilters(search: string): BoardFilters {
  const params = new URLSearchParams(search);
  return {
    stage: oneOf(params.get('stage'), CASE_STAGES),
    risk: oneOf(params.get('risk'), RISK_LEVELS),
    category: oneOf(params.get('category'), CASE_CATEGORIES),
    region: oneOf(params.get('region'), SAFETY_REGIONS),
    q: (params.get('q') ?? '').slice(0, 100),
    ended: params.get('ended') === '1',
  };
}

/** The query string for the filters, leaving out what is not set. */
export function boardFiltersQuery(filters: BoardFilters): string {
  const params = new URLSearchParams();
  for (const key of ['stage', 'risk', 'category', 'region', 'q'] as const) if (filters[key]) params.set(key, filters[key]);
  if (filters.ended) params.set('ended', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The filters `GET /cases` applies itself. */
export function serverFilters(filters: BoardFilters): Record<string, string> {
  const { stage, risk, category, region } = filters;
  return Object.fromEntries(Object.entries({ stage, risk, category, region }).filter(([, value]) => value !== ''));
}

/** Whether the board lists open cases only: unless ended cases are asked for, or a final stage is chosen in the filter. */
export function listsOpenOnly(filters: BoardFilters): boolean {
  return !filters.ended && (filters.stage === '' || !FINAL_STAGES.includes(filters.stage));
}

/**
 * The cases the board's count is out of: open cases (or all, when asked), before the search text narrows them, so that
 * "3 of 4" never counts a closed case the list does not show.
 */
export function boardScope(items: readonly CaseListItem[], filters: BoardFilters): CaseListItem[] {
  // A stage chosen in the filter is shown even when it is a final one.
  return items.filter((item) => filters.ended || filters.stage !== '' || !FINAL_STAGES.includes(item.stage));
}

/**
 * The rows the board shows: the board's scope (see `boardScope`), matching the search text in any of the words people
 * scan by, soonest deadline first; cases without one come last, most recently changed first.
 */
export function boardRows(items: readonly CaseListItem[], filters: BoardFilters, searchableText: (item: CaseListItem) => string): CaseListItem[] {
  const needle = filters.q.trim().toLocaleLowerCase('nl');
  return boardScope(items, filters)
    .filter((item) => needle === '' || searchableText(item).toLocaleLowerCase('nl').includes(needle))
    .sort((a, b) => {
      const due = (item: CaseListItem) => (item.nextDeadline ? Date.parse(item.nextDeadline.at) : Number.POSITIVE_INFINITY);
      return due(a) - due(b) || Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || a.caseId.localeCompare(b.caseId);
    });
}
