import type { OutboxItem } from '../../../api-contracts/outbox.contract';
import type { DeliveryStatus } from '../../../domain/notifications/delivery-status';
import { useI18n } from '../i18n/language';
import type { Messages } from '../i18n/messages';

const TAG_KIND: Readonly<Record<DeliveryStatus, string>> = { sent: 'rvo-tag--success', failed: 'rvo-tag--error', pending: 'rvo-tag--warning' };

/** Where a message stands, as a tag in words (never the colour alone), with how often it was tried and its last error. */
export function DeliveryStatusTag({ item }: { item: Pick<OutboxItem, 'status' | 'attemptCount' | 'lastErrorCode'> }) {
  const { m } = useI18n();
  return (
    <>
      <span class={`rvo-tag ${TAG_KIND[item.status]} vb-delivery-status`} data-status={item.status}>{m.outbox.status[item.status]}</span>
      <span class="vb-muted vb-block">
        {m.outbox.attempts(item.attemptCount)}
        {item.lastErrorCode && <>; {m.outbox.lastError(item.lastErrorCode)}</>}
      </span>
    </>
  );
}

/** Who a message went to: a brigade role or partner by its name, an expert by the address the message went to. */
export function recipientName(recipient: OutboxItem['recipient'], m: Messages): string {
  if (recipient.kind === 'expert') return recipient.address;
  return (m.escalationTarget as Record<string, string>)[recipient.id] ?? recipient.id;
}

/** What kind of recipient that is, with the address when the name did not already give it. */
export function recipientDetail(recipient: OutboxItem['recipient'], m: Messages): string {
  const kind = m.outbox.recipientKind[recipient.kind];
  return recipient.kind === 'expert' ? kind : `${kind}, ${recipient.address}`;
}

/** The name of a message's kind in the chosen language, or its code when this build does not know it. */
export function kindName(kind: string, m: Messages): string {
  return (m.outbox.kind as Record<string, string>)[kind] ?? kind;
}

/** The name of what carried a message, or its code when this build does not know it. */
export function transportName(transport: string, m: Messages): string {
  return m.outbox.transportName[transport] ?? transport;
}
