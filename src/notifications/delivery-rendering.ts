import type { DeliveryOrder } from '../../activities/notification.activities';
import type { BrigadeConfig } from '../config/brigade-config';
import type { NotificationIntent } from '../domain/notifications/notification-intent';
import type { LedgerDelivery } from './delivery-ledger.port';
import type { RecipientContact } from './notification-recipients.port';
import { calendarInvitation } from './calendar-invitation';
import { renderCalendarTexts } from './templates/render-calendar-texts';
import { renderNotification } from './templates/render-notification';

/** Renders one delivery as it will be kept and sent: subject and text (or the text message), and the invitation. */
export function renderDelivery(order: DeliveryOrder, contact: RecipientContact, address: string, transport: string, config: BrigadeConfig): LedgerDelivery {
  const { intent, channel } = order;
  const settings = config.notifications;
  const duty = settings.roles.dutyCoordinator;
  const rendered = renderNotification({
    kind: intent.kind,
    language: contact.language,
    recipientKind: intent.recipient.kind,
    recipientName: contact.name,
    dueAt: intent.dueAt,
    level: intent.level,
    link: linkFor(intent, config.publicUrl),
    critical: intent.critical,
    timeZone: settings.timeZone,
    dutyContact: { phone: duty.phone, email: duty.email },
    calendar: intent.calendar && { method: intent.calendar.method, startsAt: intent.calendar.startsAt },
  });
  const calendar = channel === 'email' && intent.calendar
    ? calendarInvitation({
      ...intent.calendar,
      ...renderCalendarTexts({ language: contact.language, link: linkFor(intent, config.publicUrl) }),
      url: linkFor(intent, config.publicUrl),
      organizer: { name: 'Vliegende Brigade', email: addressOf(settings.mailFrom) },
      attendee: { name: contact.name, email: address },
      timeZone: settings.timeZone,
    })
    : null;
  return {
    deliveryKey: order.deliveryKey,
    caseId: intent.caseId,
    notificationId: intent.notificationId,
    kind: intent.kind,
    channel,
    transport,
    recipient: intent.recipient,
    recipientAddress: address,
    language: contact.language,
    subject: channel === 'email' ? rendered.subject : null,
    body: channel === 'email' ? rendered.text : rendered.sms,
    calendar,
  };
}

/** The screen a message points to, on the address people open Brigade at; partners have none. */
export function linkFor(intent: NotificationIntent, publicUrl: string): string | undefined {
  switch (intent.link) {
    case 'inbox':
      return `${publicUrl}/ui/inbox`;
    case 'case':
      return `${publicUrl}/ui/cases/${intent.caseId}`;
    default:
      return undefined;
  }
}

function addressOf(mailFrom: string): string {
  return /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
}
