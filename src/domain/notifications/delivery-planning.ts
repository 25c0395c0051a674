import type { NotificationIntent } from './notification-intent';
import type { NotificationChannel } from './notification-kinds';
import type { NotificationPreferences, QuietHours } from './notification-preferences';

/** What the sender knows of a recipient when it plans: which addresses exist, and what an expert chose. */
export interface RecipientReach {
  readonly hasEmail: boolean;
  readonly hasPhone: boolean;
  /** An expert's choices; the brigade's roles and the partners have none. */
  readonly preferences?: NotificationPreferences;
}

/** Which channels are switched on in this deployment. */
export interface ChannelsOn {
  readonly email: boolean;
  readonly sms: boolean;
}

/**
 * The channels one notification goes by: an expert's choice for its kind (e-mail when none was made); a text message
 * as well for a critical offer and for an escalation reaching a partner, or a critical one reaching the brigade's own
 * roles; e-mail as well for a session's calendar invitation; only channels switched on and with an address. Empty when
 * the recipient cannot be reached.
 */
export function channelsFor(intent: NotificationIntent, reach: RecipientReach, on: ChannelsOn): NotificationChannel[] {
  const chosen = new Set<NotificationChannel>(reach.preferences?.channels[intent.kind] ?? ['email']);
  const escalation = intent.kind === 'escalationRaised' || intent.kind === 'escalationClimbed';
  const urgent = (intent.kind === 'offerMade' && intent.critical)
    || (escalation && (intent.recipient.kind === 'partner' || intent.critical));
  if (urgent) chosen.add('sms');
  // A calendar invitation travels only by e-mail: whoever chose text messages for sessions gets both.
  if (intent.calendar) chosen.add('email');
  // Whoever has no address for the channel they chose is still reached on the other one.
  if (chosen.has('sms') && !(reach.hasPhone && on.sms)) {
    chosen.delete('sms');
    chosen.add('email');
  }
  if (chosen.has('email') && !(reach.hasEmail && on.email)) {
    chosen.delete('email');
    if (reach.hasPhone && on.sms) chosen.add('sms');
  }
  return (['email', 'sms'] as const).filter((channel) => chosen.has(channel));
}

/**
 * The moment quiet hours end, when `at` falls inside them and the message may wait; undefined otherwise. Critical
 * messages never wait. Times are read on the clock of `timeZone`; across a change to or from summer time the moment
 * may be an hour off, which the sender absorbs by asking again when it wakes.
 */
export function quietUntil(intent: NotificationIntent, quietHours: QuietHours | null | undefined, at: string, timeZone: string): string | undefined {
  if (intent.critical || !quietHours) return undefined;
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  if (start === end) return undefined;
  const nowMinutes = localMinutes(at, timeZone);
  const inside = start < end ? nowMinutes >= start && nowMinutes < end : nowMinutes >= start || nowMinutes < end;
  if (!inside) return undefined;
  const wait = (end - nowMinutes + 24 * 60) % (24 * 60);
  const startOfMinute = Math.floor(Date.parse(at) / 60_000) * 60_000;
  return new Date(startOfMinute + wait * 60_000).toISOString();
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

function localMinutes(at: string, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(at));
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}
