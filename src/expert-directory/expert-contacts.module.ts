import { Module } from '@nestjs/common';
import { EXPERT_CONTACTS } from './expert-contacts.port';
import { EXPERT_NOTIFICATION_SETTINGS } from './expert-notification-settings.port';
import { PostgresExpertContacts } from './postgres-expert-contacts';
import { PostgresExpertNotificationSettings } from './postgres-expert-notification-settings';

/** How to reach experts: the contact details and choices the notification sender reads, and the store of those choices. */
@Module({
  providers: [
    PostgresExpertContacts, { provide: EXPERT_CONTACTS, useExisting: PostgresExpertContacts },
    PostgresExpertNotificationSettings, { provide: EXPERT_NOTIFICATION_SETTINGS, useExisting: PostgresExpertNotificationSettings },
  ],
  exports: [EXPERT_CONTACTS, EXPERT_NOTIFICATION_SETTINGS],
})
export class ExpertContactsModule {}
