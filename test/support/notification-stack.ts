import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { PostgresExpertContacts } from '../../src/expert-directory/postgres-expert-contacts';
import { BrigadeNotificationRecipients } from '../../src/notifications/brigade-notification-recipients';
import { emailChannelFor, smsChannelFor, type EmbeddedSmtpAddress } from '../../src/notifications/channels/channels-for-config';
import { BrigadeNotificationSender } from '../../src/notifications/notification-sender';
import { ExpertMessageSealer } from '../../src/field-encryption/expert-message-sealer';
import { PostgresDeliveryLedger } from '../../src/notifications/postgres-delivery-ledger';
import type { TestDatabase } from './test-database';
import { PostgresPartnerDirectory } from '../../src/partner-contacts/postgres-partner-directory';

/** Every notification channel switched off: the worker plans nothing and the case records no messages. */
export const NOTIFICATIONS_OFF = { BRIGADE_MAIL_TRANSPORT: 'off', BRIGADE_SMS_TRANSPORT: 'off' } as const;

/**
 * The worker's real notification sender, built as the Nest module builds it, from the settings `env` gives (for
 * example a relay's URL, or the embedded transport with the address of an SMTP server the test runs).
 */
export function notificationSenderFor(
  { dataSource, keyStore }: Pick<TestDatabase, 'dataSource' | 'keyStore'>, env: Record<string, string>, embedded: EmbeddedSmtpAddress = { host: '127.0.0.1', port: 1 },
) {
  const config = loadBrigadeConfig(env);
  const email = emailChannelFor(config.notifications, embedded);
  const sms = smsChannelFor(config.notifications, email);
  const recipients = new BrigadeNotificationRecipients(config, new PostgresExpertContacts(dataSource), new PostgresPartnerDirectory(dataSource));
  return new BrigadeNotificationSender(config, recipients, new PostgresDeliveryLedger(dataSource, new ExpertMessageSealer(keyStore)), email, sms);
}
