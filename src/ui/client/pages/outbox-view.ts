import { DELIVERY_STATUSES, type DeliveryStatus } from '../../../domain/notifications/delivery-status';

/** The outbox's filters and page, as they stand in its address (`/ui/outbox?status=failed&page=2`), so a view is a link. */
export interface OutboxView {
  readonly page: number;
  readonly status: DeliveryStatus | '';
  readonly caseId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the view from a query string; values the API would refuse are dropped rather than sent. */
export function parseOutboxView(search: string): OutboxView {
  const params = new URLSearchParams(search);
  const status = params.get('status') ?? '';
  const caseId = params.get('caseId') ?? '';
  return {
    page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1),
    status: (DELIVERY_STATUSES as readonly string[]).includes(status) ? (status as DeliveryStatus) : '',
    caseId: UUID.test(caseId) ? caseId.toLowerCase() : '',
  };
}

/** The screen's address for a view, leaving out what is not set (and page 1). */
export function outboxHref(view: OutboxView): string {
  const params = new URLSearchParams();
  if (view.caseId) params.set('caseId', view.caseId);
  if (view.status) params.set('status', view.status);
  if (view.page > 1) params.set('page', String(view.page));
  const text = params.toString();
  return text ? `/ui/outbox?${text}` : '/ui/outbox';
}

/** The screen's address of one message; its key's slashes are encoded, so the key is one path segment. */
export function outboxMessageHref(deliveryKey: string): string {
  return `/ui/outbox/${encodeURIComponent(deliveryKey)}`;
}
