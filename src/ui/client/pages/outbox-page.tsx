import type { OutboxItem } from '../../../api-contracts/outbox.contract';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../../../domain/notifications/delivery-status';
import { shortCaseNumber } from '../case-number';
import { Alert } from '../components/alert';
import { SelectField } from '../components/form-fields';
import { PageHeading } from '../components/page-heading';
import { errorTitle } from '../error-title';
import { formatTime } from '../i18n/dates';
import { useI18n } from '../i18n/language';
import { navigate } from '../navigation';
import type { PageProps } from '../page-props';
import { usePolling } from '../use-polling';
import { outboxApi } from './outbox-api';
import { outboxHref, outboxMessageHref, parseOutboxView } from './outbox-view';
import { DeliveryStatusTag, kindName, recipientDetail, recipientName, transportName } from './outbox-status';

/** The coordinators' outbox at /ui/outbox: every message Brigade sent or is sending, newest first, by status and case. */
export function OutboxPage({ search }: PageProps) {
  const { m, language } = useI18n();
  const view = parseOutboxView(search);
  const list = usePolling((signal) => outboxApi.page(view, signal), [view.page, view.status, view.caseId]);
  const lastPage = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  return (
    <div data-testid="outbox-page">
      <PageHeading>{m.outbox.title}</PageHeading>
      <p class="utrecht-paragraph">{m.outbox.intro}</p>
      {view.caseId && (
        <p class="utrecht-paragraph" data-testid="outbox-case-filter">
          {m.outbox.forCase(shortCaseNumber(view.caseId))}{' '}
          <a class="rvo-link" href={`/ui/cases/${view.caseId}`}>{m.outbox.toCase}</a>{' · '}
          <a class="rvo-link" href={outboxHref({ ...view, caseId: '', page: 1 })}>{m.outbox.allCases}</a>
        </p>
      )}
      <SelectField
        name="outbox-status" label={m.outbox.statusFilter} value={view.status} placeholder={m.outbox.anyStatus}
        choices={DELIVERY_STATUSES.map((value) => ({ value, label: m.outbox.status[value] }))}
        onValue={(status) => navigate(outboxHref({ ...view, status: status as DeliveryStatus | '', page: 1 }), { replace: true })}
      />
      {list.updatedAt && <p class="utrecht-paragraph vb-updated">{m.app.updatedAt(formatTime(list.updatedAt, language))}</p>}
      {list.error && <Alert kind="error" title={errorTitle(list.error, m)}>{list.error.status === 0 ? m.errors.network : list.error.message}</Alert>}
      {list.data === undefined && !list.error && <p class="utrecht-paragraph">{m.app.loading}</p>}
      {list.data && <OutboxTable items={list.data.items} total={list.data.total} />}
      {list.data && lastPage > 1 && (
        <nav aria-label={m.outbox.pages} class="vb-pager">
          {view.page > 1 && <a class="rvo-link" href={outboxHref({ ...view, page: view.page - 1 })}>{m.outbox.previousPage}</a>}
          <span>{m.outbox.pageOf(view.page, lastPage)}</span>
          {view.page < lastPage && <a class="rvo-link" href={outboxHref({ ...view, page: view.page + 1 })}>{m.outbox.nextPage}</a>}
        </nav>
      )}
    </div>
  );
}

function OutboxTable({ items, total }: { items: readonly OutboxItem[]; total: number }) {
  const { m, dateTime } = useI18n();
  return (
    <div class="rvo-table--responsive vb-table-wrap">
      <table class="rvo-table vb-table" data-testid="outbox-list">
        <caption class="rvo-caption vb-caption">{m.outbox.caption(items.length, total)}</caption>
        <thead class="rvo-table-head">
          <tr class="rvo-table-row">
            <th scope="col" class="rvo-table-header">{m.outbox.colRecipient}</th>
            <th scope="col" class="rvo-table-header">{m.outbox.colSubject}</th>
            <th scope="col" class="rvo-table-header">{m.outbox.colChannel}</th>
            <th scope="col" class="rvo-table-header">{m.outbox.colTime}</th>
            <th scope="col" class="rvo-table-header">{m.outbox.colStatus}</th>
          </tr>
        </thead>
        <tbody class="rvo-table-body">
          {items.length === 0 && <tr class="rvo-table-row"><td class="rvo-table-cell" colSpan={5}>{m.outbox.empty}</td></tr>}
          {items.map((item) => (
            <tr class="rvo-table-row" key={item.deliveryKey} data-testid="outbox-row" data-delivery-key={item.deliveryKey} data-status={item.status}>
              <td class="rvo-table-cell">
                {recipientName(item.recipient, m)}
                <span class="vb-muted vb-block">{recipientDetail(item.recipient, m)}</span>
              </td>
              {/* The subject names the row, and is the way to the whole message. */}
              <th scope="row" class="rvo-table-cell vb-row-head">
                <a class="rvo-link" href={outboxMessageHref(item.deliveryKey)}>{item.subject ?? m.outbox.noSubject}</a>
                <span class="vb-muted vb-block">{kindName(item.kind, m)}</span>
              </th>
              <td class="rvo-table-cell">{m.outbox.channel[item.channel]}<span class="vb-muted vb-block">{transportName(item.transport, m)}</span></td>
              <td class="rvo-table-cell">{item.sentAt ? m.outbox.sent(dateTime(item.sentAt)) : m.outbox.created(dateTime(item.createdAt))}</td>
              <td class="rvo-table-cell"><DeliveryStatusTag item={item} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
