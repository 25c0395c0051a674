import type { SafetyRegion } from '../domain/case.vocabulary';
import type { NotificationLanguage, Partner } from '../domain/notifications/notification-kinds';

/** A partner's contact point as `GET /partner-contacts` shows it; a null region is the partner's national desk. */
export interface PartnerContactView {
  readonly contactId: string;
  readonly partner: Partner;
  readonly safetyRegion: SafetyRegion | null;
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly language: NotificationLanguage;
  readonly active: boolean;
  /** Grows by one with every change; a change must name the version it was made on. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What a change did to a contact point. */
export const PARTNER_CONTACT_ACTIONS = ['created', 'updated', 'deactivated'] as const;
export type PartnerContactAction = (typeof PARTNER_CONTACT_ACTIONS)[number];

/** One field's value before and after a change; `from` is null for a field the contact point did not have yet. */
export interface FieldChange {
  readonly from: string | boolean | null;
  readonly to: string | boolean | null;
}

/** One recorded change of a contact point, with who made it as their token said. */
export interface PartnerContactChangeView {
  readonly changeId: string;
  readonly action: PartnerContactAction;
  /** The fields the change touched, by their names in the API. */
  readonly changes: Readonly<Record<string, FieldChange>>;
  /** The contact point's version after the change. */
  readonly version: number;
  readonly actor: { readonly role: string; readonly id: string; readonly name: string | null };
  readonly occurredAt: string;
}

/** A contact point with every change made to it, oldest first, as `GET /partner-contacts/:id` shows it. */
export interface PartnerContactDetail extends PartnerContactView {
  readonly history: readonly PartnerContactChangeView[];
}
