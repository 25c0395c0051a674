import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { PARTNERS } from '../domain/notifications/notification-kinds';
import type { FieldChange, PartnerContactAction } from '../api-contracts/partner-contacts.contract';
import { contactFieldChanges } from './contact-field-changes';
import {
  PartnerContactInactiveError, PartnerContactNotFoundError, PartnerContactStaleError, PartnerContactTakenError,
} from './partner-contact-store.errors';
import type {
  ChangeActor, EditableContactFields, PartnerContactChangeRecord, PartnerContactFields, PartnerContactFilter, PartnerContactRecord,
  PartnerContactStore,
} from './partner-contact-store.port';
import { CONTACT_COLUMNS, toChangeRecord, toContactRecord, type ChangeRow, type ContactRow } from './partner-contact.rows';

const UNIQUE_VIOLATION = '23505';
const ONE_ACTIVE_PER_REGION = 'partner_contacts_active_key';

/** The partner contact points in PostgreSQL: `partner_contacts`, and `partner_contact_changes`, which only grows. */
@Injectable()
export class PostgresPartnerContactStore implements PartnerContactStore {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: PartnerContactFilter): Promise<PartnerContactRecord[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (condition: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(condition(`$${params.length}`));
    };
    if (filter.partner !== undefined) where((p) => `partner = ${p}`, filter.partner);
    if (filter.safetyRegion !== undefined) where((p) => `safety_region IS NOT DISTINCT FROM ${p}::text`, filter.safetyRegion);
    if (filter.active !== undefined) where((p) => `active = ${p}`, filter.active);
    params.push(PARTNERS);
    const rows: ContactRow[] = await this.dataSource.query(
      `SELECT ${CONTACT_COLUMNS} FROM partner_contacts ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY array_position($${params.length}::text[], partner), safety_region NULLS FIRST, active DESC, created_at DESC, contact_id`,
      params,
    );
    return rows.map(toContactRecord);
  }

  async find(contactId: string): Promise<PartnerContactRecord | undefined> {
    const [row]: ContactRow[] = await this.dataSource.query(`SELECT ${CONTACT_COLUMNS} FROM partner_contacts WHERE contact_id = $1`, [contactId]);
    return row ? toContactRecord(row) : undefined;
  }

  async history(contactId: string): Promise<PartnerContactChangeRecord[]> {
    const rows: ChangeRow[] = await this.dataSource.query(
      `SELECT change_id, contact_id, action, changes, version, actor_role, actor_id, actor_name, occurred_at
       FROM partner_contact_changes WHERE contact_id = $1 ORDER BY change_id`, [contactId]);
    return rows.map(toChangeRecord);
  }

  async create(contactId: string, fields: PartnerContactFields, actor: ChangeActor): Promise<PartnerContactRecord> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [row]: ContactRow[] = await manager.query(
          `INSERT INTO partner_contacts (contact_id, partner, safety_region, name, email, phone, language)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${CONTACT_COLUMNS}`,
          [contactId, fields.partner, fields.safetyRegion, fields.name, fields.email, fields.phone, fields.language],
        );
        await recordChange(manager, row, 'created', contactFieldChanges({}, { ...fields }), actor);
        return toContactRecord(row);
      });
    } catch (error) {
      if (!isActiveSlotTaken(error)) throw error;
      const [existing] = await this.list({ partner: fields.partner, safetyRegion: fields.safetyRegion, active: true });
      // The holder may have been deactivated since; the refusal still stands for the moment it was made.
      if (!existing) throw error;
      throw new PartnerContactTakenError(existing);
    }
  }

  async update(contactId: string, expectedVersion: number, changes: Partial<EditableContactFields>, actor: ChangeActor): Promise<PartnerContactRecord> {
    return this.dataSource.transaction(async (manager) => {
      const current = await lockActive(manager, contactId);
      if (current.version !== expectedVersion) throw new PartnerContactStaleError(contactId, expectedVersion, current.version);
      const before = { name: current.name, email: current.email, phone: current.phone, language: current.language };
      const changed = contactFieldChanges(before, { ...changes });
      if (Object.keys(changed).length === 0) return toContactRecord(current);
      const set = Object.keys(changed).map((field, index) => `${COLUMN_OF[field as keyof EditableContactFields]} = $${index + 2}`);
      const [[row]] = await manager.query(
        `UPDATE partner_contacts SET ${set.join(', ')}, version = version + 1, updated_at = now() WHERE contact_id = $1 RETURNING ${CONTACT_COLUMNS}`,
        [contactId, ...Object.values(changed).map((change) => change.to)],
      ) as [ContactRow[], number];
      await recordChange(manager, row, 'updated', changed, actor);
      return toContactRecord(row);
    });
  }

  async deactivate(contactId: string, actor: ChangeActor): Promise<PartnerContactRecord> {
    return this.dataSource.transaction(async (manager) => {
      await lockActive(manager, contactId);
      const [[row]] = await manager.query(
        `UPDATE partner_contacts SET active = false, version = version + 1, updated_at = now() WHERE contact_id = $1 RETURNING ${CONTACT_COLUMNS}`,
        [contactId],
      ) as [ContactRow[], number];
      await recordChange(manager, row, 'deactivated', { active: { from: true, to: false } }, actor);
      return toContactRecord(row);
    });
  }
}

// Only these columns can change through `update`; the names come from here, never from the caller's keys.
const COLUMN_OF: Readonly<Record<keyof EditableContactFields, string>> = { name: 'name', email: 'email', phone: 'phone', language: 'language' };

// The row is locked until the transaction ends, so the version checked is the version changed and recorded.
async function lockActive(manager: EntityManager, contactId: string): Promise<ContactRow> {
  const [row]: ContactRow[] = await manager.query(`SELECT ${CONTACT_COLUMNS} FROM partner_contacts WHERE contact_id = $1 FOR UPDATE`, [contactId]);
  if (!row) throw new PartnerContactNotFoundError(contactId);
  if (!row.active) throw new PartnerContactInactiveError(contactId);
  return row;
}

async function recordChange(
  manager: EntityManager, row: ContactRow, action: PartnerContactAction, changes: Record<string, FieldChange>, actor: ChangeActor,
): Promise<void> {
  await manager.query(
    `INSERT INTO partner_contact_changes (contact_id, action, changes, version, actor_role, actor_id, actor_name)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7)`,
    [row.contact_id, action, JSON.stringify(changes), row.version, actor.role, actor.id, actor.name ?? null],
  );
}

function isActiveSlotTaken(error: unknown): boolean {
  const driverError = error instanceof QueryFailedError ? error.driverError as { code?: string; constraint?: string } : undefined;
  return driverError?.code === UNIQUE_VIOLATION && driverError.constraint === ONE_ACTIVE_PER_REGION;
}
