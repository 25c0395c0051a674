import { DeliveryRejected, type ChannelReceipt, type EmailChannel, type OutgoingSms, type SmsChannel } from '../notification-channels.port';

const E164 = /^\+[1-9][0-9]{7,14}$/;

/**
 * Sends a text message as a plain e-mail to an e-mail-to-SMS gateway (`31612345678@<domain>`); on the embedded default
 * the loopback SMTP server keeps it, so the outbox shows it.
 */
export class SmsGatewayChannel implements SmsChannel {
  readonly name = 'gateway';

  constructor(
    private readonly mail: EmailChannel,
    private readonly gatewayDomain: string,
  ) {}

  send(sms: OutgoingSms): Promise<ChannelReceipt> {
    // The number becomes the address's local part, so anything but digits after the + must not get that far.
    if (!E164.test(sms.to)) return Promise.reject(new DeliveryRejected('the recipient is not an international (E.164) number', 'sms_number'));
    return this.mail.send({
      reference: sms.reference,
      // The same on every retry of this delivery, like the Message-ID of any other e-mail.
      messageId: `<sms.${sms.reference.replace(/[^A-Za-z0-9._-]/g, '-')}@${this.gatewayDomain}>`,
      to: { address: `${sms.to.slice(1)}@${this.gatewayDomain}` },
      language: sms.language,
      template: sms.template,
      subject: 'SMS',
      text: sms.text,
      carries: 'sms',
    });
  }
}
