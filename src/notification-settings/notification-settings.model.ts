import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_LANGUAGES, type NotificationLanguage } from '../domain/notifications/notification-kinds';
import type { NotificationSettingsView } from '../api-contracts/notification-settings.contract';
import { NotificationChannelsDto } from './dto/notification-channels.dto';
import { QuietHoursDto } from './dto/quiet-hours.dto';

/** An expert's notification settings as the API shows them, for the OpenAPI document. */
export class NotificationSettingsModel implements NotificationSettingsView {
  @ApiProperty({ type: NotificationChannelsDto, description: 'The kinds the expert chose channels for; every other kind goes by e-mail.' })
  readonly channels!: NotificationChannelsDto;
  @ApiProperty({ type: QuietHoursDto, nullable: true, description: 'Null for none.' }) readonly quietHours!: QuietHoursDto | null;
  @ApiProperty({ enum: NOTIFICATION_LANGUAGES }) readonly language!: NotificationLanguage;
  @ApiProperty({ description: 'Whether the pool holds a phone number text messages can go to; without one, SMS cannot be chosen.' })
  readonly hasPhone!: boolean;
}
