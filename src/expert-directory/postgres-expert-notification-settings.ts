import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NotificationLanguage } from '../domain/notifications/notification-kinds';
import type { NotificationPreferences } from '../domain/notifications/notification-preferences';
import type { ExpertNotificationSettings } from './expert-notification-settings.port';

/** Experts' notification choices, written to the `experts` table. */
@Injectable()
export class PostgresExpertNotificationSettings implements ExpertNotificationSettings {
  constructor(private readonly dataSource: DataSource) {}

  async save(expertId: string, preferences: NotificationPreferences, language?: NotificationLanguage): Promise<boolean> {
    // Stored as a plain object so that jsonb holds exactly {channels, quietHours} and nothing a DTO instance carries along.
    const stored = { channels: preferences.channels, quietHours: preferences.quietHours && { start: preferences.quietHours.start, end: preferences.quietHours.end } };
    const [, affected] = await this.dataSource.query(
      `UPDATE experts SET notification_preferences = $2::jsonb, notification_language = coalesce($3, notification_language), updated_at = now()
       WHERE expert_id = $1`,
      [expertId, JSON.stringify(stored), language ?? null],
    ) as [unknown, number];
    return affected > 0;
  }
}
