import { CASE_STAGES } from '../../../domain/case.vocabulary';
import { queryString } from '../api';
import { Alert } from '../components/alert';
import { RiskTag } from '../components/risk-tag';
import { SelectField } from '../components/form-fields';
import { PageHeading } from '../components/page-heading';
import { formatTime } from '../i18n/dates';
import { useI18n } from '../i18n/language';
import { navigate } from '../navigation';
import type { PageProps } from '../page-props';
import { usePolling } from '../use-polling';
import { auditApi } from './audit-api';
import { errorTitle } from '../error-title';

/** The auditor's list at /ui/audit: every case, ended ones included, each a link to its audit page; read only. */
export function AuditListPage({ search }: PageProps) {
  const { m, language, dateTime } = useI18n();
  const params = new URLSearchParams(search);
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const stage = (CASE_STAGES as readonly string[]).includes(params.get('stage') ?? '') ? params.get('stage')! : '';
  const list = usePolling((signal) => auditApi.list({ page, stage }, signal), [page, stage]);
  const pageHref = (to: number) => `/ui/audit${queryString({ page: to === 1 ? undefined : to, stage })}`;
  const lastPage = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  return (
    <div data-testid="audit-list-page">
      <PageHeading>{m.audit.listTitle}</PageHeading>
      <p class="utrecht-paragraph">{m.audit.listIntro}</p>
      <SelectField
        name="audit-stage" label={m.audit.stageFilter} value={stage} placeholder={m.board.anyStage}
        choices={CASE_STAGES.map((value) => ({ value, label: m.stage[value] }))}
        onValue={(value) => navigate(`/ui/audit${queryString({ stage: value })}`, { replace: true })}
      />
      {list.updatedAt && <p class="utrecht-paragraph vb-updated">{m.app.updatedAt(formatTime(list.updatedAt, language))}</p>}
      {list.error && <Alert kind="error" title={errorTitle(list.error, m)}>{list.error.status === 0 ? m.errors.network : list.error.message}</Alert>}
      {list.data === undefined && !list.error && <p class="utrecht-paragraph">{m.app.loading}</p>}
      {list.data && list.data.items.length === 0 && <p class="utrecht-paragraph">{m.audit.listEmpty}</p>}
      {list.data && list.data.items.length > 0 && (
        <div class="rvo-table--responsive">
          <table class="rvo-table" data-testid="audit-list">
            <caption class="rvo-table__caption">{m.audit.listCaption(list.data.items.length, list.data.total)}</caption>
            <thead class="rvo-table-head">
              <tr class="rvo-table-row">
                <th scope="col" class="rvo-table-header">{m.audit.colCase}</th>
                <th scope="col" class="rvo-table-header">{m.audit.colStage}</th>
                <th scope="col" class="rvo-table-header">{m.audit.colRisk}</th>
                <th scope="col" class="rvo-table-header">{m.audit.colEvents}</th>
                <th scope="col" class="rvo-table-header">{m.audit.colUpdated}</th>
              </tr>
            </thead>
            <tbody class="rvo-table-body">
              {list.data.items.map((item) => (
                <tr class="rvo-table-row" key={item.caseId} data-case-id={item.caseId}>
                  <td class="rvo-table-cell">
                    <a class="rvo-link" href={`/ui/audit/${encodeURIComponent(item.caseId)}`}>{m.audit.caseLink(item.municipality, m.category[item.category])}</a>
                    <br /><span class="vb-case-id">{item.caseId}</span>
                  </td>
                  <td class="rvo-table-cell">{m.stage[item.stage]}</td>
                  <td class="rvo-table-cell"><RiskTag risk={item.riskLevel} /></td>
                  <td class="rvo-table-cell rvo-table-cell--numeric">{item.version}</td>
                  <td class="rvo-table-cell">{dateTime(item.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && lastPage > 1 && (
        <nav aria-label={m.audit.pages} class="vb-pager">
          {page > 1 && <a class="rvo-link" href={pageHref(page - 1)}>{m.audit.previousPage}</a>}
          <span>{m.audit.pageOf(page, lastPage)}</span>
          {page < lastPage && <a class="rvo-link" href={pageHref(page + 1)}>{m.audit.nextPage}</a>}
        </nav>
      )}
    </div>
  );
}
