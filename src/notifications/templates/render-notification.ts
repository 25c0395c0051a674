import { checkedLink, cleanContactValue, cleanName } from './clean-input';
import { longMoment, shortMoment } from './format-moment';
import type { NotificationTemplateInput, RenderedNotification } from './notification-template-input';
import type { LanguageTexts, MessageFacts } from './notification-text-shape';
import { NOTIFICATION_TEXTS } from './notification-texts';
import { fitsInSms } from './sms-length';

// A text message shows no subject line, so it says who writes before anything else.
const SMS_SENDER = 'Vliegende Brigade: ';

/** Writes one notification's subject, plain-text e-mail and text message from the few facts a message may carry. */
export function renderNotification(input: NotificationTemplateInput): RenderedNotification {
  const texts = NOTIFICATION_TEXTS[input.language];
  const kind = texts?.kinds[input.kind];
  if (!kind) throw new Error('No template for this kind of notification in this language.');

  const partner = input.recipientKind === 'partner';
  // Partners have no account, so a link would lead them nowhere; they get the duty coordinator instead.
  const link = partner ? undefined : checkedLink(input.link);
  const contact = partner ? cleanedContact(input) : undefined;
  const facts = (write: typeof longMoment): MessageFacts => ({
    due: input.dueAt === undefined ? undefined : write(input.dueAt, texts, input.timeZone),
    startsAt: input.calendar === undefined ? undefined : write(input.calendar.startsAt, texts, input.timeZone),
    level: checkedLevel(input.level),
    critical: input.critical,
    partner,
    invitationAttached: input.calendar !== undefined,
  });

  const where = link === undefined ? contactLines(texts, contact) : [kind.linkLabel, link];
  const text = [
    texts.greeting(cleanName(input.recipientName)),
    ...kind.body(facts(longMoment)),
    where.join('\n'),
    texts.signOff.join('\n'),
    texts.confidentialityNotice,
  ].join('\n\n');

  return { subject: kind.subject, text, sms: smsText(texts, SMS_SENDER + kind.sms(facts(shortMoment)), link, contact) };
}

interface CleanContact {
  readonly phone?: string;
  readonly email?: string;
}

function cleanedContact(input: NotificationTemplateInput): CleanContact {
  return { phone: cleanContactValue(input.dutyContact?.phone), email: cleanContactValue(input.dutyContact?.email) };
}

function contactLines(texts: LanguageTexts, contact: CleanContact | undefined): string[] {
  const details = [
    ...(contact?.phone ? [texts.phoneLine(contact.phone)] : []),
    ...(contact?.email ? [texts.emailLine(contact.email)] : []),
  ];
  return [texts.contactIntro(details.length > 0), ...details];
}

// A rung is a small whole number; anything else would print as "NaN" or a fraction.
function checkedLevel(level: number | undefined): number | undefined {
  if (level === undefined) return undefined;
  if (!Number.isInteger(level) || level < 1 || level > 99) throw new RangeError('An escalation level must be a whole number from 1 to 99.');
  return level;
}

function smsText(texts: LanguageTexts, sentence: string, link: string | undefined, contact: CleanContact | undefined): string {
  const reachable = contact?.phone ?? contact?.email;
  const tail = link ?? (reachable === undefined ? undefined : texts.smsContact(reachable));
  const full = tail === undefined ? sentence : `${sentence} ${tail}`;
  // A long link must not push a text message past two parts: the e-mail carries it too.
  return fitsInSms(full) ? full : `${sentence} ${texts.smsSeeEmail}`;
}
