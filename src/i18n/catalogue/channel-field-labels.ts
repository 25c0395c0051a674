import { NOTIFICATION_KINDS, type NotificationKind } from '../../domain/notifications/notification-kinds';

/** The field label of each kind's list of channels (`channels/offerMade`): the kind's own name, so a problem names the message. */
export function channelFieldLabels(kinds: Readonly<Record<NotificationKind, string>>): { readonly [K in NotificationKind as `channels/${K}`]: string } {
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [`channels/${kind}`, kinds[kind]])) as { [K in NotificationKind as `channels/${K}`]: string };
}
