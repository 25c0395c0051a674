import { Module } from '@nestjs/common';
import { ExpertContactsModule } from '../expert-directory/expert-contacts.module';
import { NotificationSettingsController } from './notification-settings.controller';
import { NotificationSettingsService } from './notification-settings.service';

/** An expert's own notification settings: `GET` and `PUT /me/notification-preferences`. */
@Module({
  imports: [ExpertContactsModule],
  controllers: [NotificationSettingsController],
  providers: [NotificationSettingsService],
})
export class NotificationSettingsModule {}
