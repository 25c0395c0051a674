import type { SafetyRegion } from '../domain/case.vocabulary';
import type { NotificationLanguage, Partner } from '../domain/notifications/notification-kinds';
import type { FieldChange, PartnerContactAction } from '../api-contracts/partner-contacts.contract';

/** The fields a contact point is written with. */
export interface PartnerContactFields {
  readonly partner: Partner;
  readonly safetyRegion: SafetyRegion | null;
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly language: NotificationLanguage;
}

/** The fields a change may touch: a contact point keeps its partner and region for life. */
export type EditableContactFields = Pick<PartnerContactFields, 'name' | 'email' | 'phone' | 'language'>;

/** A stored contact point. */
export interface PartnerContactRecord extends PartnerContactFields {
  readonly contactId: string;
  readonly active: boolean;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Who made a change, as their token said (or the seed command, as `system`). */
export interface ChangeActor {
  readonly role: string;
  readonly id: string;
  readonly name?: string | null;
}

/** A stored change of a contact point. */
export interface PartnerContactChangeRecord {
  readonly changeId: string;
  readonly contactId: string;
  readonly action: PartnerContactAction;
  readonly changes: Readonly<Record<string, FieldChange>>;
  readonly version: number;
  readonly actor: { readonly role: string; readonly id: string; readonly name: string | null };
  readonly occurredAt: Date;
}

/** Which contact points to list; a null region means the national desks only. */
export interface PartnerContactFilter {
  readonly partner?: Partner;
  readonly safetyRegion?: SafetyRegion | null;
  readonly active?: boolean;
}

/**
 * The partner contact points and the record of every change to them. Each write changes the contact point and appends
 * its change in one transaction, so the record never misses a change nor holds one that did not happen.
 */
export interface PartnerContactStore {
  /** The contact points that match, by partner, national desk first, then region, active before inactive. */
  list(filter: PartnerContactFilter): Promise<PartnerContactRecord[]>;
  find(contactId: string): Promise<PartnerContactRecord | undefined>;
  /** The contact point's changes, oldest first. */
  history(contactId: string): Promise<PartnerContactChangeRecord[]>;
  /** Adds an active contact point; throws PartnerContactTakenError when its partner and region already have one. */
  create(contactId: string, fields: PartnerContactFields, actor: ChangeActor): Promise<PartnerContactRecord>;
  /**
   * Changes the given fields of an active contact point made at `expectedVersion`; a call that changes nothing records
   * nothing. Throws PartnerContactNotFoundError, PartnerContactInactiveError or PartnerContactStaleError.
   */
  update(contactId: string, expectedVersion: number, changes: Partial<EditableContactFields>, actor: ChangeActor): Promise<PartnerContactRecord>;
  /** Marks an active contact point inactive, keeping it; throws PartnerContactNotFoundError or PartnerContactInactiveError. */
  deactivate(contactId: string, actor: ChangeActor): Promise<PartnerContactRecord>;
}

/** Injection token for the partner contact store port. */
export const PARTNER_CONTACT_STORE = Symbol('PartnerContactStore');
