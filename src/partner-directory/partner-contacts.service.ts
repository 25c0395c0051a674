import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal';
import type { PartnerContactDetail, PartnerContactView } from '../api-contracts/partner-contacts.contract';
import { invalidField } from '../http/validation';
import { PARTNER_CONTACT_STORE, type ChangeActor, type PartnerContactStore } from '../partner-contacts/partner-contact-store.port';
import type { CreatePartnerContactDto } from './dto/create-partner-contact.dto';
import { NATIONAL_DESK, type ListPartnerContactsQueryDto } from './dto/list-partner-contacts-query.dto';
import type { UpdatePartnerContactDto } from './dto/update-partner-contact.dto';
import { notFound, partnerContactRefusal } from './partner-contact-refusals';
import { changedContactFields, newContactFields, toChangeView, toPartnerContactView } from './partner-contact.mapper';

/** Keeps the partners' contact points: lists, adds, changes and deactivates them, each change recorded with its maker. */
@Injectable()
export class PartnerContactsService {
  constructor(@Inject(PARTNER_CONTACT_STORE) private readonly store: PartnerContactStore) {}

  async list(query: ListPartnerContactsQueryDto): Promise<PartnerContactView[]> {
    const records = await this.store.list({
      partner: query.partner,
      safetyRegion: query.safetyRegion === NATIONAL_DESK ? null : query.safetyRegion,
      active: query.active === undefined ? undefined : query.active === 'true',
    });
    return records.map(toPartnerContactView);
  }

  async get(contactId: string): Promise<PartnerContactDetail> {
    const record = await this.store.find(contactId);
    if (!record) throw notFound(contactId);
    const history = await this.store.history(contactId);
    return { ...toPartnerContactView(record), history: history.map(toChangeView) };
  }

  async create(dto: CreatePartnerContactDto, principal: Principal): Promise<PartnerContactDetail> {
    const fields = newContactFields(dto);
    requireEmailOrPhone(fields.email, fields.phone);
    const contactId = randomUUID();
    await this.write(() => this.store.create(contactId, fields, actorOf(principal)));
    return this.get(contactId);
  }

  async update(contactId: string, dto: UpdatePartnerContactDto, principal: Principal): Promise<PartnerContactDetail> {
    const current = await this.store.find(contactId);
    if (!current) throw notFound(contactId);
    const changes = changedContactFields(dto);
    // Judged on the version the change was made on; on any other, or on an inactive contact point, the store's 409 tells.
    if (current.active && current.version === dto.version) {
      requireEmailOrPhone(changes.email === undefined ? current.email : changes.email, changes.phone === undefined ? current.phone : changes.phone);
    }
    await this.write(() => this.store.update(contactId, dto.version, changes, actorOf(principal)));
    return this.get(contactId);
  }

  async deactivate(contactId: string, principal: Principal): Promise<PartnerContactDetail> {
    await this.write(() => this.store.deactivate(contactId, actorOf(principal)));
    return this.get(contactId);
  }

  private async write<T>(statement: () => Promise<T>): Promise<T> {
    try {
      return await statement();
    } catch (error) {
      throw partnerContactRefusal(error);
    }
  }
}

// The acting person is the token's, never the body's: a change names who made it.
function actorOf(principal: Principal): ChangeActor {
  return { role: principal.role, id: principal.subject, name: principal.displayName ?? null };
}

// A contact point nobody can reach is no contact point; the table refuses one too, but without a field to name.
function requireEmailOrPhone(email: string | null, phone: string | null): void {
  if (email === null && phone === null) throw invalidField('email', 'email_or_phone');
}
