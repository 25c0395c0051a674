import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NotificationLanguage } from '../domain/notifications/notification-kinds';
import type { ExpertContact, ExpertContacts } from './expert-contacts.port';
import { smsNumberOf } from './sms-phone-number';
import { preferencesFromStored } from './stored-notification-preferences';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ContactRecord {
  expert_id: string;
  name: string;
  email: string;
  phone: string | null;
  notification_language: NotificationLanguage;
  notification_preferences: unknown;
  active: boolean;
}

/** Experts' contact details and notification choices, read from the `experts` table. */
@Injectable()
export class PostgresExpertContacts implements ExpertContacts {
  constructor(private readonly dataSource: DataSource) {}

  async contactOf(expertId: string): Promise<ExpertContact | undefined> {
    // An id that is no UUID names nobody; asking PostgreSQL would only fail on the cast.
    if (!UUID.test(expertId)) return undefined;
    const [record]: ContactRecord[] = await this.dataSource.query(
      'SELECT expert_id, name, email, phone, notification_language, notification_preferences, active FROM experts WHERE expert_id = $1',
      [expertId],
    );
    return record && {
      expertId: record.expert_id,
      name: record.name,
      email: record.email,
      phone: smsNumberOf(record.phone),
      language: record.notification_language,
      preferences: preferencesFromStored(record.notification_preferences),
      active: record.active,
    };
  }
}
