import type { SafetyRegion } from '../domain/case.vocabulary';
import type { NotificationLanguage, Partner } from '../domain/notifications/notification-kinds';
import type { FieldChange, PartnerContactAction } from '../api-contracts/partner-contacts.contract';
import type { PartnerContactChangeRecord, PartnerContactRecord } from './partner-contact-store.port';

/** The columns of `partner_contacts` in the order the adapters select them. */
export const CONTACT_COLUMNS = 'contact_id, partner, safety_region, name, email, phone, language, active, version, created_at, updated_at';

/** One row of `partner_contacts` as the driver hands it over. */
export interface ContactRow {
  contact_id: string;
  partner: Partner;
  safety_region: SafetyRegion | null;
  name: string;
  email: string | null;
  phone: string | null;
  language: NotificationLanguage;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** One row of `partner_contact_changes` as the driver hands it over; bigserial arrives as text. */
export interface ChangeRow {
  change_id: string;
  contact_id: string;
  action: PartnerContactAction;
  changes: Record<string, FieldChange>;
  version: number;
  actor_role: string;
  actor_id: string;
  actor_name: string | null;
  occurred_at: Date;
}

/** A contact point row as a record. */
export function toContactRecord(row: ContactRow): PartnerContactRecord {
  return {
    contactId: row.contact_id, partner: row.partner, safetyRegion: row.safety_region, name: row.name, email: row.email,
    phone: row.phone, language: row.language, active: row.active, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** A change row as a record. */
export function toChangeRecord(row: ChangeRow): PartnerContactChangeRecord {
  return {
    changeId: String(row.change_id), contactId: row.contact_id, action: row.action, changes: row.changes, version: row.version,
    actor: { role: row.actor_role, id: row.actor_id, name: row.actor_name }, occurredAt: row.occurred_at,
  };
}
