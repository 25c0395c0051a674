import { useEffect, useRef } from 'preact/hooks';
import {
  CASE_CATEGORIES, CASE_STAGES, RISK_LEVELS, SAFETY_REGIONS,
} from '../../../domain/case.vocabulary';
import { apiGet, queryString } from '../api';
import type { CaseListItem, Page } from '../api-types';
import { boardFiltersQuery, boardRows, boardScope, listsOpenOnly, parseBoardFilters, serverFilters, type BoardFilters } from '../board-filters';
import { shortCaseNumber } from '../case-number';
import { Alert } from '../components/alert';
import { Countdown } from '../components/countdown';
import { DeadlineChart } from '../components/deadline-chart';
import { chartCaseLabel } from '../deadline-chart-layout';
import { CheckboxField, SelectField, TextField } from '../components/form-fields';
import { PageHeading } from '../components/page-heading';
import { RiskTag } from '../components/risk-tag';
import { formatTime } from '../i18n/dates';
import { useI18n } from '../i18n/language';
import type { Messages } from '../i18n/messages';
import { announce } from '../live-region';
import { navigate } from '../navigation';
import { REGION_NAMES } from '../region-names';
import type { PageProps } from '../page-props';
import { usePolling } from '../use-polling';
import { useNow } from '../use-now';
import { errorTitle } from '../error-title';

// The API gives at most 100 cases a page; the board reads up to this many pages, far more than the brigade has open.
const PAGE_SIZE = 100;
const MAX_PAGES = 10;

async function allCases(filters: BoardFilters, signal: AbortSignal): Promise<CaseListItem[]> {
  const items: CaseListItem[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const answer = await apiGet<Page<CaseListItem>>(`/cases${queryString({ ...serverFilters(filters), page, pageSize: PAGE_SIZE })}`, { signal });
    items.push(...answer.items);
    if (page * PAGE_SIZE >= answer.total) break;
  }
  return items;
}

function searchableText(m: Messages) {
  return (item: CaseListItem) => [item.municipality, REGION_NAMES[item.safetyRegion], m.category[item.category], m.stage[item.stage], item.caseId].join(' ');
}

/** The coordinator's board: every open case, its stage, risk and next deadline, a chart of the deadlines, filters and search. */
export function BoardPage({ search }: PageProps) {
  const { m, language } = useI18n();
  const filters = parseBoardFilters(search);
  const now = useNow();
  const polled = usePolling((signal) => allCases(filters, signal), [filters.stage, filters.risk, filters.category, filters.region]);
  const rows = polled.data ? boardRows(polled.data, filters, searchableText(m)) : [];

  // Tells screen-reader users when the list itself changed (a case added, a stage moved), not on every poll.
  const signature = rows.map((row) => `${row.caseId}:${row.stage}:${row.version}`).join('|');
  const previous = useRef<string | null>(null);
  useEffect(() => {
    if (!polled.data) return;
    if (previous.current !== null && previous.current !== signature) announce(m.board.listUpdated(rows.length));
    previous.current = signature;
  }, [signature, polled.data]);

  const setFilter = (change: Partial<BoardFilters>) => navigate(`/ui/board${boardFiltersQuery({ ...filters, ...change })}`, { replace: true });
  const chartCases = rows.filter((row) => row.nextDeadline).map((row) => ({
    caseId: row.caseId, label: chartCaseLabel(row.municipality, row.caseId), risk: row.riskLevel, deadlineMs: Date.parse(row.nextDeadline!.at),
  }));

  return (
    <div class="vb-board">
      <div class="vb-page-top">
        <PageHeading>{m.board.title}</PageHeading>
        <a class="utrecht-button utrecht-button--primary-action utrecht-button--rvo-md vb-button-link" href="/ui/cases/new">{m.board.newCase}</a>
      </div>
      <p class="utrecht-paragraph">{m.board.intro}</p>

      <section aria-labelledby="board-chart" class="vb-section">
        <h2 class="utrecht-heading-2" id="board-chart">{m.board.chartTitle}</h2>
        <p class="utrecht-paragraph">{m.board.chartIntro}</p>
        {polled.data && <DeadlineChart cases={chartCases} now={now} />}
      </section>

      <section aria-labelledby="board-filters" class="vb-section">
        <h2 class="utrecht-heading-2" id="board-filters">{m.board.filters}</h2>
        <form role="search" class="vb-filters" onSubmit={(event) => event.preventDefault()}>
          <TextField name="q" label={m.board.search} hint={m.board.searchHint} value={filters.q} onValue={(q) => setFilter({ q })} type="search" />
          <SelectField name="stage" label={m.board.stage} value={filters.stage} placeholder={m.board.anyStage}
            choices={CASE_STAGES.map((value) => ({ value, label: m.stage[value] }))} onValue={(stage) => setFilter({ stage: stage as BoardFilters['stage'] })} />
          <SelectField name="risk" label={m.board.risk} value={filters.risk} placeholder={m.board.anyRisk}
            choices={RISK_LEVELS.map((value) => ({ value, label: m.risk[value] }))} onValue={(risk) => setFilter({ risk: risk as BoardFilters['risk'] })} />
          <SelectField name="category" label={m.board.category} value={filters.category} placeholder={m.board.anyCategory}
            choices={CASE_CATEGORIES.map((value) => ({ value, label: m.category[value] }))} onValue={(category) => setFilter({ category: category as BoardFilters['category'] })} />
          <SelectField name="region" label={m.board.region} value={filters.region} placeholder={m.board.anyRegion}
            choices={SAFETY_REGIONS.map((value) => ({ value, label: REGION_NAMES[value] }))} onValue={(region) => setFilter({ region: region as BoardFilters['region'] })} />
          <CheckboxField name="ended" label={m.board.showEnded} checked={filters.ended} onChecked={(ended) => setFilter({ ended })} />
          <div class="vb-filters__actions">
            <a class="rvo-link" href="/ui/board">{m.board.clearFilters}</a>
          </div>
        </form>
      </section>

      {polled.error && <Alert kind="error" title={errorTitle(polled.error, m)}>{polled.error.status === 0 ? m.errors.network : polled.error.message}</Alert>}
      {polled.loading && !polled.data && <p class="utrecht-paragraph">{m.app.loading}</p>}
      {polled.updatedAt && <p class="vb-updated">{m.app.updatedAt(formatTime(polled.updatedAt, language))}</p>}
      {polled.data && <CaseTable rows={rows} total={boardScope(polled.data, filters).length} openOnly={listsOpenOnly(filters)} />}
    </div>
  );
}

function CaseTable({ rows, total, openOnly }: { rows: readonly CaseListItem[]; total: number; openOnly: boolean }) {
  const { m } = useI18n();
  return (
    <div class="rvo-table--responsive vb-table-wrap">
      <table class="rvo-table vb-table">
        <caption class="rvo-caption vb-caption" data-testid="board-caption">{(openOnly ? m.board.tableCaptionOpen : m.board.tableCaptionAll)(rows.length, total)}</caption>
        <thead class="rvo-table-head">
          <tr class="rvo-table-row">
            <th scope="col" class="rvo-table-header">{m.board.colCase}</th>
            <th scope="col" class="rvo-table-header">{m.board.stage}</th>
            <th scope="col" class="rvo-table-header">{m.board.risk}</th>
            <th scope="col" class="rvo-table-header">{m.board.colMunicipality}</th>
            <th scope="col" class="rvo-table-header">{m.board.colDeadline}</th>
            <th scope="col" class="rvo-table-header">{m.board.colEscalations}</th>
          </tr>
        </thead>
        <tbody class="rvo-table-body">
          {rows.length === 0 && (
            <tr class="rvo-table-row"><td class="rvo-table-cell" colSpan={6}>{m.board.empty}</td></tr>
          )}
          {rows.map((row) => (
            <tr class="rvo-table-row" key={row.caseId} data-testid="case-row" data-case-id={row.caseId} data-stage={row.stage}>
              <th scope="row" class="rvo-table-cell vb-row-head">
                <a class="rvo-link" href={`/ui/cases/${row.caseId}`}>
                  {m.category[row.category]}<span class="vb-visually-hidden">, {row.municipality}</span>
                </a>
                <span class="vb-case-number">{shortCaseNumber(row.caseId)}</span>
              </th>
              <td class="rvo-table-cell"><span class="rvo-tag rvo-tag--info vb-stage">{m.stage[row.stage]}</span></td>
              <td class="rvo-table-cell"><RiskTag risk={row.riskLevel} /></td>
              <td class="rvo-table-cell">{row.municipality}<br /><span class="vb-muted">{REGION_NAMES[row.safetyRegion]}</span></td>
              <td class="rvo-table-cell">
                {row.nextDeadline && <span class="vb-muted vb-block">{m.deadlineKind[row.nextDeadline.kind]}</span>}
                <Countdown at={row.nextDeadline?.at} />
              </td>
              <td class="rvo-table-cell">
                <span class={row.openEscalations > 0 ? 'vb-escalations vb-escalations--open' : 'vb-escalations'}>{m.board.escalationsCount(row.openEscalations)}</span>
                {row.stuckWorkflowAttempts !== null && (
                  <span class="vb-block vb-escalations vb-escalations--open" data-testid="stuck-workflow">{m.board.stuckWorkflow(row.stuckWorkflowAttempts)}</span>
                )}
                {row.failedNotifications > 0 && (
                  <a class="rvo-link vb-block vb-escalations vb-escalations--open" data-testid="failed-notifications" href={`/ui/outbox?caseId=${row.caseId}&status=failed`}>
                    {m.board.failedNotifications(row.failedNotifications)}
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
