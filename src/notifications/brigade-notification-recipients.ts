import { Inject, Injectable } from '@nestjs/common';
import { BrigadeConfig } from '../config/brigade-config';
import type { NotificationRecipient } from '../domain/notifications/notification-kinds';
import { EXPERT_CONTACTS, type ExpertContacts } from '../expert-directory/expert-contacts.port';
import { PARTNER_DIRECTORY, type PartnerDirectory } from '../partner-contacts/partner-directory.port';
import type { NotificationRecipients, RecipientContact } from './notification-recipients.port';

/** Finds recipients where each kind lives: experts in the pool, the brigade's roles in the settings, partners in the directory. */
@Injectable()
export class BrigadeNotificationRecipients implements NotificationRecipients {
  constructor(
    private readonly config: BrigadeConfig,
    @Inject(EXPERT_CONTACTS) private readonly experts: ExpertContacts,
    @Inject(PARTNER_DIRECTORY) private readonly partners: PartnerDirectory,
  ) {}

  async contactOf(recipient: NotificationRecipient, safetyRegion?: string): Promise<RecipientContact | undefined> {
    switch (recipient.kind) {
      case 'expert': {
        const expert = await this.experts.contactOf(recipient.id);
        return expert && {
          name: expert.name, email: expert.email, phone: expert.phone ?? undefined, language: expert.language, preferences: expert.preferences, active: expert.active,
        };
      }
      case 'role': {
        const { email, phone, language } = this.config.notifications.roles[recipient.id];
        return { email, phone, language, active: true };
      }
      case 'partner': {
        const point = await this.partners.contactPointFor(recipient.id, safetyRegion);
        return point && { name: point.name, email: point.email ?? undefined, phone: point.phone ?? undefined, language: point.language, active: true };
      }
    }
  }
}
