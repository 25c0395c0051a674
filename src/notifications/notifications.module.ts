import { Module } from '@nestjs/common';
import { ExpertContactsModule } from '../expert-directory/expert-contacts.module';
import { FieldEncryptionModule } from '../field-encryption/field-encryption.module';
import { PartnerContactsModule } from '../partner-contacts/partner-contacts.module';
import { BrigadeNotificationRecipients } from './brigade-notification-recipients';
import { NotificationChannelsModule } from './channels/notification-channels.module';
import { DELIVERY_LEDGER } from './delivery-ledger.port';
import { NOTIFICATION_RECIPIENTS } from './notification-recipients.port';
import { BrigadeNotificationSender } from './notification-sender';
import { PostgresDeliveryLedger } from './postgres-delivery-ledger';

/** What the worker's notification activities send with: recipients, the delivery ledger and the channels. */
@Module({
  imports: [NotificationChannelsModule, ExpertContactsModule, PartnerContactsModule, FieldEncryptionModule],
  providers: [
    { provide: DELIVERY_LEDGER, useClass: PostgresDeliveryLedger },
    { provide: NOTIFICATION_RECIPIENTS, useClass: BrigadeNotificationRecipients },
    BrigadeNotificationSender,
  ],
  exports: [BrigadeNotificationSender],
})
export class NotificationsModule {}
