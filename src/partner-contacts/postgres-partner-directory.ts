import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Partner } from '../domain/notifications/notification-kinds';
import type { PartnerContactPoint, PartnerDirectory } from './partner-directory.port';
import type { ContactRow } from './partner-contact.rows';

/** The partner directory read from `partner_contacts`: one indexed read per message. */
@Injectable()
export class PostgresPartnerDirectory implements PartnerDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async contactPointFor(partner: Partner, safetyRegion: string | null | undefined): Promise<PartnerContactPoint | undefined> {
    // The region's own contact point sorts before the national desk; a null region matches only the desk.
    const [row]: ContactRow[] = await this.dataSource.query(
      `SELECT contact_id, partner, safety_region, name, email, phone, language FROM partner_contacts
       WHERE active AND partner = $1 AND (safety_region = $2::text OR safety_region IS NULL)
       ORDER BY safety_region NULLS LAST LIMIT 1`,
      [partner, safetyRegion ?? null],
    );
    return row && {
      contactId: row.contact_id, partner: row.partner, safetyRegion: row.safety_region, name: row.name,
      email: row.email, phone: row.phone, language: row.language,
    };
  }
}
