import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, type NotificationChannel, type NotificationKind } from '../domain/notifications/notification-kinds';
import { isClockTime, type NotificationPreferences, type QuietHours } from '../domain/notifications/notification-preferences';

/**
 * The preferences in an expert's `notification_preferences` column, `{}` (the default) read as no choice at all. What
 * the column holds was validated on the way in; a kind or channel a later release dropped is left out rather than sent on.
 */
export function preferencesFromStored(stored: unknown): NotificationPreferences {
  const value = isObject(stored) ? stored : {};
  const channels: Partial<Record<NotificationKind, NotificationChannel[]>> = {};
  const storedChannels = isObject(value.channels) ? value.channels : {};
  for (const kind of NOTIFICATION_KINDS) {
    const list = storedChannels[kind];
    if (!Array.isArray(list)) continue;
    const known = NOTIFICATION_CHANNELS.filter((channel) => list.includes(channel));
    if (known.length > 0) channels[kind] = known;
  }
  return { channels, quietHours: quietHoursOf(value.quietHours) };
}

function quietHoursOf(value: unknown): QuietHours | null {
  if (!isObject(value) || typeof value.start !== 'string' || typeof value.end !== 'string') return null;
  return isClockTime(value.start) && isClockTime(value.end) && value.start !== value.end ? { start: value.start, end: value.end } : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
