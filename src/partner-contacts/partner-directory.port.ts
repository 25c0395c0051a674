import type { NotificationLanguage, Partner } from '../domain/notifications/notification-kinds';

/** Where a partner message goes: the contact point's address, number and language. */
export interface PartnerContactPoint {
  readonly contactId: string;
  readonly partner: Partner;
  /** The region the contact point serves; null for the partner's national desk. */
  readonly safetyRegion: string | null;
  readonly name: string;
  readonly email: string | null;
  /** E.164, such as +31612345678. */
  readonly phone: string | null;
  readonly language: NotificationLanguage;
}

/** The lookup the notification sender uses to reach a partner, read at sending time so a changed address is used at once. */
export interface PartnerDirectory {
  /**
   * The partner's active contact point for the safety region, else its active national desk, else undefined; a null,
   * absent or unknown region goes straight to the national desk.
   */
  contactPointFor(partner: Partner, safetyRegion: string | null | undefined): Promise<PartnerContactPoint | undefined>;
}

/** Injection token for the partner directory port. */
export const PARTNER_DIRECTORY = Symbol('PartnerDirectory');
