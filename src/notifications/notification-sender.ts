import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { DeliveryOrder, DeliveryReceipt, NotificationPlan, NotificationSender } from '../../activities/notification.activities';
import { channelsFor, quietUntil } from '../domain/notifications/delivery-planning';
import { BrigadeConfig } from '../config/brigade-config';
import { DELIVERY_LEDGER, type DeliveryLedger, type LedgerDelivery } from './delivery-ledger.port';
import { renderDelivery } from './delivery-rendering';
import {
  DeliveryDeferred, DeliveryRejected, EMAIL_CHANNEL, SMS_CHANNEL, type ChannelReceipt, type EmailChannel, type SmsChannel,
} from './notification-channels.port';
import { NOTIFICATION_RECIPIENTS, type NotificationRecipients } from './notification-recipients.port';

/**
 * Plans and sends the messages the case workflows owe people. A delivery is rendered once and kept in the ledger, an
 * attempt is noted before the channel is called, and the outcome after: a retry finds a sent delivery and answers with
 * its receipt instead of sending again, and where the channel can be asked (Notify, by reference) a try that crashed
 * after the service accepted it is found there.
 */
@Injectable()
export class BrigadeNotificationSender implements NotificationSender {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly config: BrigadeConfig,
    @Inject(NOTIFICATION_RECIPIENTS) private readonly recipients: NotificationRecipients,
    @Inject(DELIVERY_LEDGER) private readonly ledger: DeliveryLedger,
    @Inject(EMAIL_CHANNEL) private readonly email: EmailChannel,
    @Inject(SMS_CHANNEL) private readonly sms: SmsChannel,
  ) {}

  async plan(intent: DeliveryOrder['intent'], at: string): Promise<NotificationPlan> {
    const settings = this.config.notifications;
    const retry = settings.retry;
    const on = { email: settings.mailTransport !== 'off', sms: settings.smsTransport !== 'off' };
    // A deployment that switched every channel off sends nothing and records nothing.
    if (!on.email && !on.sms) return { deliveries: [], retry };
    const contact = await this.recipients.contactOf(intent.recipient, intent.safetyRegion);
    if (!contact) return this.unreachable(intent, 'no_contact', retry);
    if (!contact.active) return { deliveries: [], retry };
    const holdUntil = quietUntil(intent, contact.preferences?.quietHours, at, settings.timeZone);
    if (holdUntil) return { deliveries: [], holdUntil, retry };
    const channels = channelsFor(intent, { hasEmail: Boolean(contact.email), hasPhone: Boolean(contact.phone), preferences: contact.preferences }, on);
    if (channels.length === 0) return this.unreachable(intent, 'no_address', retry);
    return { deliveries: channels.map((channel) => ({ deliveryKey: `${intent.caseId}/${intent.notificationId}/${channel}`, intent, channel })), retry };
  }

  async deliver(order: DeliveryOrder, attempt: number, lastAttempt: boolean): Promise<DeliveryReceipt> {
    const kept = await this.ledger.find(order.deliveryKey);
    if (kept?.outcome?.outcome === 'sent') return { transport: kept.delivery.transport, reference: kept.outcome.reference };
    if (kept?.outcome?.outcome === 'failed') throw new DeliveryRejected(`delivery ${order.deliveryKey} has already failed`, kept.outcome.detail);
    const delivery = kept?.delivery ?? await this.ledger.open(await this.render(order).catch((error: unknown) =>
      // Only a refusal is for good; a database away while the recipient is looked up is tried again.
      (error instanceof DeliveryRejected ? this.unsendable(order, error) : Promise.reject(error))));
    const found = kept && kept.attempts > 0 ? await this.alreadyAccepted(delivery) : undefined;
    if (found) {
      await this.ledger.ended(delivery.deliveryKey, { outcome: 'sent', reference: found.reference });
      return { transport: delivery.transport, reference: found.reference };
    }
    await this.ledger.attempted(delivery.deliveryKey, attempt);
    try {
      const receipt = await this.send(delivery);
      await this.ledger.ended(delivery.deliveryKey, { outcome: 'sent', reference: receipt.reference });
      this.logger.log(`sent ${delivery.kind} by ${delivery.channel} (${delivery.transport}) for case ${delivery.caseId}: ${receipt.reference}`);
      return { transport: delivery.transport, reference: receipt.reference };
    } catch (error) {
      const code = error instanceof DeliveryRejected || error instanceof DeliveryDeferred ? error.code : 'unavailable';
      const message = error instanceof Error ? error.message : String(error);
      await this.ledger.attempted(delivery.deliveryKey, attempt, { code, message }).catch(() => undefined);
      if (error instanceof DeliveryRejected || lastAttempt) {
        await this.ledger.ended(delivery.deliveryKey, { outcome: 'failed', detail: code }).catch(() => undefined);
      }
      this.logger.warn(`${delivery.kind} by ${delivery.channel} for case ${delivery.caseId} failed on attempt ${attempt} (${code})`);
      throw error;
    }
  }

  // Nobody to send to: kept in the ledger as failed too, so that the outbox shows what the board counts.
  private async unreachable(intent: DeliveryOrder['intent'], code: string, retry: NotificationPlan['retry']): Promise<NotificationPlan> {
    await this.unsendable({ deliveryKey: `${intent.caseId}/${intent.notificationId}/email`, intent, channel: 'email' }, new DeliveryRejected('nobody to send to', code))
      .catch(() => undefined);
    return { deliveries: [], unreachable: { channel: 'email', code }, retry };
  }

  /** Keeps a delivery that cannot even be written (no address, an address no message can carry) as failed, then refuses it. */
  private async unsendable(order: DeliveryOrder, error: DeliveryRejected): Promise<never> {
    const { code } = error;
    const { intent, channel } = order;
    await this.ledger.open({
      deliveryKey: order.deliveryKey, caseId: intent.caseId, notificationId: intent.notificationId, kind: intent.kind, channel,
      transport: channel === 'email' ? this.email.name : this.sms.name, recipient: intent.recipient, recipientAddress: '', language: 'nl',
      subject: null, body: '', calendar: null,
    });
    await this.ledger.attempted(order.deliveryKey, 1, { code, message: error.message });
    await this.ledger.ended(order.deliveryKey, { outcome: 'failed', detail: code });
    throw error;
  }

  private async render(order: DeliveryOrder): Promise<LedgerDelivery> {
    const { intent, channel } = order;
    const contact = await this.recipients.contactOf(intent.recipient, intent.safetyRegion);
    if (!contact?.active) throw new DeliveryRejected('the recipient can no longer be reached', 'no_contact');
    const address = channel === 'email' ? contact.email : contact.phone;
    if (!address) throw new DeliveryRejected(`the recipient has no ${channel === 'email' ? 'e-mail address' : 'mobile number'}`, 'no_address');
    const transport = channel === 'email' ? this.email.name : this.sms.name;
    try {
      return renderDelivery(order, contact, address, transport, this.config);
    } catch (error) {
      // The templates refuse what they cannot write safely (a time that is no time, a link that is no URL): no retry mends that.
      throw new DeliveryRejected(`the message could not be written: ${error instanceof Error ? error.message : String(error)}`, 'render_failed');
    }
  }

  private async alreadyAccepted(delivery: LedgerDelivery): Promise<ChannelReceipt | undefined> {
    const channel = delivery.channel === 'email' ? this.email : this.sms;
    return channel.findSent ? channel.findSent(delivery.deliveryKey) : undefined;
  }

  private send(delivery: LedgerDelivery): Promise<ChannelReceipt> {
    if (delivery.channel === 'sms') {
      return this.sms.send({ reference: delivery.deliveryKey, to: delivery.recipientAddress, language: delivery.language, template: delivery.kind, text: delivery.body });
    }
    return this.email.send({
      reference: delivery.deliveryKey,
      messageId: messageIdFor(delivery.deliveryKey, this.config.notifications.mailFrom),
      to: { address: delivery.recipientAddress },
      language: delivery.language,
      template: delivery.kind,
      subject: delivery.subject ?? '',
      text: delivery.body,
      ...(delivery.calendar && { calendar: { method: delivery.calendar.includes('METHOD:CANCEL') ? 'CANCEL' : 'REQUEST', content: delivery.calendar } }),
    });
  }
}

/** The same Message-ID on every retry of a delivery, so that a receiving server that already has it can drop the copy. */
export function messageIdFor(deliveryKey: string, mailFrom: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'brigade.local';
  return `<${createHash('sha256').update(deliveryKey).digest('hex').slice(0, 40)}@${domain}>`;
}
