import { BRIGADE_ROLES, NOTIFICATION_LANGUAGES, type BrigadeRole, type NotificationLanguage } from '../domain/notifications/notification-kinds';
import { ConfigError, durationMs, nonEmpty, oneOf, port } from './env-values';

/** Where e-mail goes: the SMTP server inside Brigade (the embedded default), an SMTP relay, NotifyNL/GOV.UK Notify, or nowhere. */
export const MAIL_TRANSPORTS = ['embedded', 'smtp', 'notify', 'off'] as const;
export type MailTransport = (typeof MAIL_TRANSPORTS)[number];

/** Where text messages go: NotifyNL/GOV.UK Notify, an e-mail-to-SMS gateway over the mail transport, or nowhere. */
export const SMS_TRANSPORTS = ['notify', 'gateway', 'off'] as const;
export type SmsTransport = (typeof SMS_TRANSPORTS)[number];

/** How to reach one configured person of the brigade (the duty coordinator, the programme lead). */
export interface RoleContact {
  readonly email: string | undefined;
  readonly phone: string | undefined;
  readonly language: NotificationLanguage;
}

/** How Brigade reaches people: channels, the brigade's own contact points, and how long a message is retried. */
export interface NotificationsConfig {
  readonly mailTransport: MailTransport;
  /** `smtp://user:pass@host:587` (STARTTLS) or `smtps://user:pass@host:465`; only for the `smtp` transport. */
  readonly smtpUrl: string | undefined;
  /** Whether the relay must offer TLS (STARTTLS); on by default for a relay that is not on this machine. */
  readonly smtpRequireTls: boolean;
  /** The From address of every e-mail. */
  readonly mailFrom: string;
  readonly smsTransport: SmsTransport;
  /** The gateway's domain: a text message to +31612345678 goes as e-mail to `31612345678@<domain>`. */
  readonly smsGatewayDomain: string;
  readonly notify: {
    readonly apiKey: string | undefined;
    /** NotifyNL's API, or GOV.UK Notify's (the client's own default). */
    readonly baseUrl: string;
    /** The service's generic templates, with `subject` and `body` (e-mail) or `body` (SMS) as personalisation. */
    readonly emailTemplateId: string | undefined;
    readonly smsTemplateId: string | undefined;
  };
  /** The SMTP server inside Brigade on the embedded default: loopback only, every message kept for the outbox; 0 picks a free port. */
  readonly embeddedSmtpPort: number;
  readonly roles: Readonly<Record<BrigadeRole, RoleContact>>;
  /** How a delivery is retried before it is recorded as failed and escalated. */
  readonly retry: { readonly maximumAttempts: number; readonly initialIntervalMs: number; readonly maximumIntervalMs: number };
  /** The time zone of quiet hours and of the times written in messages. */
  readonly timeZone: string;
}

const GOV_UK_NOTIFY_API = 'https://api.notifications.service.gov.uk';

/** Reads the notification settings from the environment, failing with a message that names the bad variable. */
export function notificationsConfig(env: NodeJS.ProcessEnv): NotificationsConfig {
  const smtpUrl = nonEmpty(env.BRIGADE_SMTP_URL);
  const apiKey = nonEmpty(env.BRIGADE_NOTIFY_API_KEY);
  const mailTransport = oneOf(env, 'BRIGADE_MAIL_TRANSPORT', MAIL_TRANSPORTS, smtpUrl ? 'smtp' : apiKey ? 'notify' : 'embedded');
  const smsTransport = oneOf(env, 'BRIGADE_SMS_TRANSPORT', SMS_TRANSPORTS, apiKey ? 'notify' : mailTransport === 'embedded' ? 'gateway' : 'off');
  const notify = {
    apiKey,
    baseUrl: (nonEmpty(env.BRIGADE_NOTIFY_BASE_URL) ?? GOV_UK_NOTIFY_API).replace(/\/+$/, ''),
    emailTemplateId: nonEmpty(env.BRIGADE_NOTIFY_EMAIL_TEMPLATE_ID),
    smsTemplateId: nonEmpty(env.BRIGADE_NOTIFY_SMS_TEMPLATE_ID),
  };
  if (mailTransport === 'smtp' && !smtpUrl) throw new ConfigError('BRIGADE_SMTP_URL must be set for BRIGADE_MAIL_TRANSPORT=smtp, such as smtp://user:password@relay.example.nl:587');
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl)) throw new ConfigError(`BRIGADE_SMTP_URL must start with smtp:// or smtps://, got "${smtpUrl.replace(/\/\/[^@]*@/, '//…@')}"`);
  if (!/^https?:\/\/[^/]/.test(notify.baseUrl)) throw new ConfigError(`BRIGADE_NOTIFY_BASE_URL must be an http(s) URL, got "${notify.baseUrl}"`);
  if (mailTransport === 'notify') requireNotify(notify.apiKey, notify.emailTemplateId, 'BRIGADE_NOTIFY_EMAIL_TEMPLATE_ID', 'BRIGADE_MAIL_TRANSPORT');
  if (smsTransport === 'notify') requireNotify(notify.apiKey, notify.smsTemplateId, 'BRIGADE_NOTIFY_SMS_TEMPLATE_ID', 'BRIGADE_SMS_TRANSPORT');
  if (smsTransport === 'gateway' && mailTransport === 'off') throw new ConfigError('BRIGADE_SMS_TRANSPORT=gateway sends text messages as e-mail, so BRIGADE_MAIL_TRANSPORT cannot be off');
  return {
    mailTransport,
    smtpUrl,
    smtpRequireTls: oneOf(env, 'BRIGADE_SMTP_REQUIRE_TLS', ['true', 'false'] as const, smtpUrl && !isLoopbackUrl(smtpUrl) ? 'true' : 'false') === 'true',
    mailFrom: nonEmpty(env.BRIGADE_MAIL_FROM) ?? 'Vliegende Brigade <brigade@brigade.local>',
    smsTransport,
    smsGatewayDomain: nonEmpty(env.BRIGADE_SMS_GATEWAY_DOMAIN) ?? 'sms.brigade.local',
    notify,
    // Only Brigade itself sends to it, so any free port will do unless the operator wants to look in with a mail client.
    embeddedSmtpPort: port(env, 'BRIGADE_EMBEDDED_SMTP_PORT', 0),
    roles: Object.fromEntries(BRIGADE_ROLES.map((role) => [role, roleContact(env, role)])) as Record<BrigadeRole, RoleContact>,
    retry: {
      maximumAttempts: positiveInteger(env, 'BRIGADE_NOTIFICATION_ATTEMPTS', 10),
      initialIntervalMs: durationMs(env, 'BRIGADE_NOTIFICATION_RETRY_INITIAL', '10s'),
      maximumIntervalMs: durationMs(env, 'BRIGADE_NOTIFICATION_RETRY_MAX', '10m'),
    },
    timeZone: nonEmpty(env.BRIGADE_TIME_ZONE) ?? 'Europe/Amsterdam',
  };
}

// The variables of each configured role, spelled out so that a search for one finds where it is read.
const ROLE_VARIABLES: Readonly<Record<BrigadeRole, { email: string; phone: string; language: string; fallback: string }>> = {
  dutyCoordinator: {
    email: 'BRIGADE_DUTY_COORDINATOR_EMAIL', phone: 'BRIGADE_DUTY_COORDINATOR_PHONE', language: 'BRIGADE_DUTY_COORDINATOR_LANGUAGE',
    fallback: 'dienstdoende-coordinator@brigade.local',
  },
  programmeLead: {
    email: 'BRIGADE_PROGRAMME_LEAD_EMAIL', phone: 'BRIGADE_PROGRAMME_LEAD_PHONE', language: 'BRIGADE_PROGRAMME_LEAD_LANGUAGE',
    fallback: 'programmaleider@brigade.local',
  },
};

function roleContact(env: NodeJS.ProcessEnv, role: BrigadeRole): RoleContact {
  const names = ROLE_VARIABLES[role];
  const phone = nonEmpty(env[names.phone]);
  if (phone !== undefined && !/^\+[1-9][0-9]{7,14}$/.test(phone)) throw new ConfigError(`${names.phone} must be an international number such as +31612345678, got "${phone}"`);
  return { email: nonEmpty(env[names.email]) ?? names.fallback, phone, language: oneOf(env, names.language, NOTIFICATION_LANGUAGES, 'nl') };
}

function requireNotify(apiKey: string | undefined, templateId: string | undefined, templateVariable: string, transportVariable: string): void {
  if (!apiKey) throw new ConfigError(`BRIGADE_NOTIFY_API_KEY must be set when ${transportVariable}=notify`);
  if (!templateId) throw new ConfigError(`${templateVariable} must name the Notify template (its id) when ${transportVariable}=notify`);
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  if (!/^[1-9][0-9]{0,3}$/.test(raw)) throw new ConfigError(`${name} must be a whole number from 1 to 9999, got "${raw}"`);
  return Number(raw);
}

function isLoopbackUrl(url: string): boolean {
  try {
    return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);
  } catch {
    throw new ConfigError('BRIGADE_SMTP_URL is not a URL');
  }
}
