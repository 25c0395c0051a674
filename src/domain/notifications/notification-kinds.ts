/** The moments that need a person, each with its own message template. */
export const NOTIFICATION_KINDS = [
  'offerMade', 'offerWithdrawn', 'taskAssigned', 'taskDueSoon', 'taskWithdrawn', 'sessionScheduled', 'sessionMoved',
  'sessionCancelled', 'escalationRaised', 'escalationClimbed', 'deadlineMissed', 'caseCancelled',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a message travels. */
export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** The languages a message is written in: Dutch by default, English for whoever asks for it. */
export const NOTIFICATION_LANGUAGES = ['nl', 'en'] as const;
export type NotificationLanguage = (typeof NOTIFICATION_LANGUAGES)[number];

/** The outside partners that a ladder's last rung reaches, as the partner directory lists them. */
export const PARTNERS = ['COA', 'police', 'NCTV'] as const;
export type Partner = (typeof PARTNERS)[number];

/** The configured people behind the brigade's own escalation rungs. */
export const BRIGADE_ROLES = ['dutyCoordinator', 'programmeLead'] as const;
export type BrigadeRole = (typeof BRIGADE_ROLES)[number];

/** Who a notification is for, by reference only: addresses are looked up when it is sent, never carried through Temporal. */
export type NotificationRecipient =
  | { readonly kind: 'expert'; readonly id: string }
  | { readonly kind: 'role'; readonly id: BrigadeRole }
  | { readonly kind: 'partner'; readonly id: Partner };

/** The screen a message links to; partners have no account in Brigade and get the duty coordinator's contact instead. */
export type NotificationLink = 'inbox' | 'case' | 'none';
