import type { PartnerContactChangeView, PartnerContactView } from '../api-contracts/partner-contacts.contract';
import type {
  EditableContactFields, PartnerContactChangeRecord, PartnerContactFields, PartnerContactRecord,
} from '../partner-contacts/partner-contact-store.port';
import type { CreatePartnerContactDto } from './dto/create-partner-contact.dto';
import type { UpdatePartnerContactDto } from './dto/update-partner-contact.dto';

/** A stored contact point as the API shows it. */
export function toPartnerContactView(record: PartnerContactRecord): PartnerContactView {
  return {
    contactId: record.contactId, partner: record.partner, safetyRegion: record.safetyRegion, name: record.name,
    email: record.email, phone: record.phone, language: record.language, active: record.active, version: record.version,
    createdAt: record.createdAt.toISOString(), updatedAt: record.updatedAt.toISOString(),
  };
}

/** A stored change as the API shows it. */
export function toChangeView(record: PartnerContactChangeRecord): PartnerContactChangeView {
  return {
    changeId: record.changeId, action: record.action, changes: record.changes, version: record.version,
    actor: record.actor, occurredAt: record.occurredAt.toISOString(),
  };
}

/** The fields of a new contact point from a validated creation body: no region is the national desk, no language Dutch. */
export function newContactFields(dto: CreatePartnerContactDto): PartnerContactFields {
  return {
    partner: dto.partner,
    safetyRegion: dto.safetyRegion ?? null,
    name: dto.name.trim(),
    email: dto.email?.trim() || null,
    phone: dto.phone ?? null,
    language: dto.language ?? 'nl',
  };
}

/** The fields a validated update body changes; absent fields stay, and a null address clears it. */
export function changedContactFields(dto: UpdatePartnerContactDto): Partial<EditableContactFields> {
  return {
    ...(dto.name !== undefined && { name: dto.name.trim() }),
    ...(dto.email !== undefined && { email: dto.email?.trim() || null }),
    ...(dto.phone !== undefined && { phone: dto.phone }),
    ...(dto.language !== undefined && { language: dto.language }),
  };
}
