import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { NOTIFICATION_LANGUAGES, type NotificationLanguage } from '../../domain/notifications/notification-kinds';
import { WhenPresent } from '../../experts/dto/when-present';
import { NotificationChannelsDto } from './notification-channels.dto';
import { QuietHoursDto } from './quiet-hours.dto';

/** The body of `PUT /me/notification-preferences`: the expert's whole choice, which replaces the one before. */
export class NotificationPreferencesDto {
  @ApiProperty({ type: NotificationChannelsDto, description: 'Per kind of message, how it reaches you; a kind left out goes by e-mail. `{}` for e-mail throughout.' })
  // IsObject too: ValidateNested would let a list of objects pass.
  @IsObject() @ValidateNested() @Type(() => NotificationChannelsDto) readonly channels: NotificationChannelsDto;

  @ApiPropertyOptional({
    type: QuietHoursDto, nullable: true,
    description: 'A daily span in which only critical messages come through; left out or null for none.',
  })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => QuietHoursDto) readonly quietHours?: QuietHoursDto | null;

  @ApiPropertyOptional({ enum: NOTIFICATION_LANGUAGES, description: 'The language of your messages; left out, it stays as it is.' })
  @WhenPresent() @IsIn(NOTIFICATION_LANGUAGES) readonly language?: NotificationLanguage;
}
