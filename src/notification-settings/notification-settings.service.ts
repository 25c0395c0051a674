import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { NotificationSettingsView } from '../api-contracts/notification-settings.contract';
import { NOTIFICATION_KINDS, type NotificationChannel, type NotificationKind } from '../domain/notifications/notification-kinds';
import type { NotificationPreferences } from '../domain/notifications/notification-preferences';
import { EXPERT_CONTACTS, type ExpertContact, type ExpertContacts } from '../expert-directory/expert-contacts.port';
import { EXPERT_NOTIFICATION_SETTINGS, type ExpertNotificationSettings } from '../expert-directory/expert-notification-settings.port';
import { issue } from '../http/field-issue';
import { refusal } from '../http/refusal';
import { invalidFields } from '../http/validation';
import type { NotificationPreferencesDto } from './dto/notification-preferences.dto';

/** Reads and replaces the calling expert's own notification settings. */
@Injectable()
export class NotificationSettingsService {
  constructor(
    @Inject(EXPERT_CONTACTS) private readonly contacts: ExpertContacts,
    @Inject(EXPERT_NOTIFICATION_SETTINGS) private readonly settings: ExpertNotificationSettings,
  ) {}

  async get(expertId: string): Promise<NotificationSettingsView> {
    const contact = await this.contactOf(expertId);
    return { ...contact.preferences, language: contact.language, hasPhone: contact.phone !== null };
  }

  async replace(expertId: string, dto: NotificationPreferencesDto): Promise<NotificationSettingsView> {
    const preferences = preferencesOf(dto);
    // Without a number a text message cannot go; saying so now beats an SMS that silently never arrives.
    if ((await this.contactOf(expertId)).phone === null) {
      const bySms = NOTIFICATION_KINDS.filter((kind) => preferences.channels[kind]?.includes('sms'));
      if (bySms.length > 0) throw invalidFields(bySms.map((kind) => ({ field: `channels.${kind}`, issues: [issue('sms_needs_phone')] })));
    }
    if (!(await this.settings.save(expertId, preferences, dto.language))) throw notFound(expertId);
    return this.get(expertId);
  }

  private async contactOf(expertId: string): Promise<ExpertContact> {
    const contact = await this.contacts.contactOf(expertId);
    // The guard lets only experts of the pool in; one removed between the guard and here is gone all the same.
    if (!contact) throw notFound(expertId);
    return contact;
  }
}

// Plain values, in the catalogue's order of kinds, so the stored choice holds nothing a DTO instance carries along.
function preferencesOf(dto: NotificationPreferencesDto): NotificationPreferences {
  const channels: Partial<Record<NotificationKind, NotificationChannel[]>> = {};
  for (const kind of NOTIFICATION_KINDS) {
    const chosen = dto.channels[kind];
    if (chosen !== undefined) channels[kind] = [...chosen];
  }
  return { channels, quietHours: dto.quietHours ? { start: dto.quietHours.start, end: dto.quietHours.end } : null };
}

function notFound(expertId: string): NotFoundException {
  return new NotFoundException(refusal('expert_not_found', { expertId }));
}
