import type { NotificationSettingsView } from '../../api-contracts/notification-settings.contract';
import { NOTIFICATION_KINDS, type NotificationChannel, type NotificationKind, type NotificationLanguage } from '../../domain/notifications/notification-kinds';

/** The two ticks of one kind of message. */
export type ChannelTicks = Readonly<Record<NotificationChannel, boolean>>;

/** What the settings form holds: a tick per channel per kind, quiet hours as typed, and the language. */
export interface NotificationSettingsForm {
  readonly channels: Readonly<Record<NotificationKind, ChannelTicks>>;
  readonly quiet: boolean;
  readonly start: string;
  readonly end: string;
  readonly language: NotificationLanguage;
}

/** The form filled with the expert's settings; a kind they made no choice for shows e-mail, which is what they get. */
export function settingsFormOf(view: NotificationSettingsView): NotificationSettingsForm {
  const channels = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => {
    const chosen = view.channels[kind] ?? ['email'];
    return [kind, { email: chosen.includes('email'), sms: chosen.includes('sms') }];
  })) as Record<NotificationKind, ChannelTicks>;
  return {
    channels, quiet: view.quietHours !== null, start: view.quietHours?.start ?? '22:00', end: view.quietHours?.end ?? '07:00', language: view.language,
  };
}

/**
 * The body of `PUT /me/notification-preferences`: every kind with its ticked channels (none ticked goes as an empty
 * list, which the API refuses by the kind's name), quiet hours only when switched on.
 */
export function settingsBody(form: NotificationSettingsForm): Record<string, unknown> {
  const channels = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [
    kind, (['email', 'sms'] as const).filter((channel) => form.channels[kind][channel]),
  ]));
  return { channels, quietHours: form.quiet ? { start: form.start, end: form.end } : null, language: form.language };
}
