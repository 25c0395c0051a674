import type { OutboxMessage, OutboxPage } from '../../../api-contracts/outbox.contract';
import { apiGet, queryString } from '../api';
import type { OutboxView } from './outbox-view';

const PAGE_SIZE = 25;

/** The outbox's calls: one page of messages, and one message in full. */
export const outboxApi = {
  page: (view: OutboxView, signal: AbortSignal) =>
    apiGet<OutboxPage>(`/outbox${queryString({ caseId: view.caseId, status: view.status, page: view.page, pageSize: PAGE_SIZE })}`, { signal }),
  message: (deliveryKey: string, signal: AbortSignal) => apiGet<OutboxMessage>(`/outbox/${encodeURIComponent(deliveryKey)}`, { signal }),
};
