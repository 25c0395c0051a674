import type { NotifyClient } from 'notifications-node-client';
import type { ChannelReceipt, EmailChannel, OutgoingEmail, OutgoingSms, SmsChannel } from '../notification-channels.port';
import { notifyClient } from './notify-client';
import { notifyFailure } from './notify-failure';

/** Where and as whom to reach NotifyNL or GOV.UK Notify, and the service's generic template. */
export interface NotifySettings {
  readonly baseUrl: string;
  readonly apiKey: string;
  /** A template whose personalisation is `subject` and `body` (e-mail) or `body` (SMS). */
  readonly templateId: string;
}

/**
 * Sends e-mail through NotifyNL/GOV.UK Notify. Notify renders its own template and takes no attachments here, so a
 * calendar invitation goes without its invite.ics (the text still says when and where); only SMTP carries the .ics.
 */
export class NotifyEmailChannel implements EmailChannel {
  readonly name = 'notify';
  private readonly client: NotifyClient;

  constructor(private readonly settings: NotifySettings) {
    this.client = notifyClient(settings.baseUrl, settings.apiKey);
  }

  async send(email: OutgoingEmail): Promise<ChannelReceipt> {
    try {
      const { data } = await this.client.sendEmail(this.settings.templateId, email.to.address, {
        personalisation: { subject: email.subject, body: email.text },
        reference: email.reference,
      });
      return { reference: data.id };
    } catch (error) {
      throw notifyFailure(error, [this.settings.apiKey, email.to.address, email.subject, email.text]);
    }
  }

  findSent(reference: string): Promise<ChannelReceipt | undefined> {
    return findByReference(this.client, 'email', reference, this.settings.apiKey);
  }
}

/** Sends text messages through NotifyNL/GOV.UK Notify. */
export class NotifySmsChannel implements SmsChannel {
  readonly name = 'notify';
  private readonly client: NotifyClient;

  constructor(private readonly settings: NotifySettings) {
    this.client = notifyClient(settings.baseUrl, settings.apiKey);
  }

  async send(sms: OutgoingSms): Promise<ChannelReceipt> {
    try {
      const { data } = await this.client.sendSms(this.settings.templateId, sms.to, {
        personalisation: { body: sms.text },
        reference: sms.reference,
      });
      return { reference: data.id };
    } catch (error) {
      throw notifyFailure(error, [this.settings.apiKey, sms.to, sms.text]);
    }
  }

  findSent(reference: string): Promise<ChannelReceipt | undefined> {
    return findByReference(this.client, 'sms', reference, this.settings.apiKey);
  }
}

// Notify keeps the reference we sent, so a retry after a crash can find the message it accepted instead of sending it twice.
async function findByReference(client: NotifyClient, type: 'email' | 'sms', reference: string, apiKey: string): Promise<ChannelReceipt | undefined> {
  try {
    const { data } = await client.getNotifications(type, undefined, reference);
    const found = data.notifications.find((notification) => notification.reference === reference);
    return found ? { reference: found.id } : undefined;
  } catch (error) {
    throw notifyFailure(error, [apiKey]);
  }
}
