import type { NotificationsConfig } from '../../config/notifications-config';
import type { ChannelReceipt, EmailChannel, OutgoingEmail, SmsChannel } from '../notification-channels.port';
import { NotifyEmailChannel, NotifySmsChannel } from './notify-channels';
import { smtpEmailChannel } from './smtp-email-channel';
import { SmsGatewayChannel } from './sms-gateway-channel';
import { SwitchedOffChannel } from './switched-off-channel';

import type { EmbeddedSmtpAddress } from '../embedded-smtp-address';

export type { EmbeddedSmtpAddress };

/** The e-mail channel the settings choose: a relay, Notify, the embedded server, or none. */
export function emailChannelFor(config: NotificationsConfig, embedded: EmbeddedSmtpAddress): EmailChannel {
  switch (config.mailTransport) {
    case 'smtp':
      // The settings refuse the smtp transport without a URL, so this holds whenever the configuration was loaded.
      if (!config.smtpUrl) throw new Error('BRIGADE_SMTP_URL is not set');
      return smtpEmailChannel(config.smtpUrl, config.smtpRequireTls, config.mailFrom);
    case 'notify':
      return new NotifyEmailChannel(notifySettings(config, config.notify.emailTemplateId));
    case 'embedded':
      // Built at the first message: the server's port is known only once it listens, after the providers are made.
      return new FirstUseEmailChannel('embedded', () => {
        const host = embedded.host.includes(':') ? `[${embedded.host}]` : embedded.host;
        // The embedded server is on this machine and keeps every message; TLS would protect nothing.
        return smtpEmailChannel(`smtp://${host}:${embedded.port}`, false, config.mailFrom);
      });
    case 'off':
      return new SwitchedOffChannel('mail-off', 'mail');
    default:
      return unknownTransport(config.mailTransport);
  }
}

/** The SMS channel the settings choose: Notify, the e-mail-to-SMS gateway over `email`, or none. */
export function smsChannelFor(config: NotificationsConfig, email: EmailChannel): SmsChannel {
  switch (config.smsTransport) {
    case 'notify':
      return new NotifySmsChannel(notifySettings(config, config.notify.smsTemplateId));
    case 'gateway':
      return new SmsGatewayChannel(email, config.smsGatewayDomain);
    case 'off':
      return new SwitchedOffChannel('sms-off', 'text messages');
    default:
      return unknownTransport(config.smsTransport);
  }
}

function notifySettings(config: NotificationsConfig, templateId: string | undefined) {
  // The settings refuse a Notify transport without a key and a template, so this holds whenever the configuration was loaded.
  if (!config.notify.apiKey || !templateId) throw new Error('Notify is chosen without BRIGADE_NOTIFY_API_KEY and its template id');
  return { baseUrl: config.notify.baseUrl, apiKey: config.notify.apiKey, templateId };
}

function unknownTransport(transport: never): never {
  throw new Error(`unknown transport ${String(transport)}`);
}

/** An e-mail channel made when it first sends, for a server whose address is known only later. */
class FirstUseEmailChannel implements EmailChannel {
  private channel?: EmailChannel;

  constructor(readonly name: string, private readonly make: () => EmailChannel) {}

  send(email: OutgoingEmail): Promise<ChannelReceipt> {
    this.channel ??= this.make();
    return this.channel.send(email);
  }
}
