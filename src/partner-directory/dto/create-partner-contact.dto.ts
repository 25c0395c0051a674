import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, MaxLength } from 'class-validator';
import { SAFETY_REGIONS, type SafetyRegion } from '../../domain/case.vocabulary';
import { NOTIFICATION_LANGUAGES, PARTNERS, type NotificationLanguage, type Partner } from '../../domain/notifications/notification-kinds';
import { E164_PATTERN } from '../../domain/notifications/phone-number';
import { IsE164PhoneNumber } from '../../http/e164-phone-number';
import { HasNoInvisibleCharacter } from '../../http/no-invisible-character';
import { IsPersonName } from '../../http/person-name';
import { WhenPresent } from '../../experts/dto/when-present';

/** The body of `POST /partner-contacts`: a partner's contact point for a safety region, or its national desk. */
export class CreatePartnerContactDto {
  @ApiProperty({ enum: PARTNERS, enumName: 'Partner', description: 'The partner organisation the contact point belongs to.', example: 'police' })
  @IsIn(PARTNERS) readonly partner: Partner;

  @ApiPropertyOptional({
    enum: SAFETY_REGIONS, enumName: 'SafetyRegion', nullable: true, example: 'utrecht',
    description: "The safety region the contact point serves; left out or null for the partner's national desk, which answers for every region without one.",
  })
  @IsOptional() @IsIn(SAFETY_REGIONS) readonly safetyRegion?: SafetyRegion | null;

  @ApiProperty({ minLength: 1, maxLength: 200, description: 'The name of the desk or person, as messages address it.', example: 'Politie Eenheid Midden-Nederland' })
  @IsPersonName(200) readonly name: string;

  // IsEmail accepts a quoted local part, and with it a line break that would end a mail header early.
  @ApiPropertyOptional({
    type: String, nullable: true, format: 'email', maxLength: 254, example: 'meldpunt@politie.example',
    description: 'E-mail address; an e-mail address, a phone number or both. On update, null clears it.',
  })
  @IsOptional() @IsEmail() @MaxLength(254) @HasNoInvisibleCharacter() readonly email?: string | null;

  @ApiPropertyOptional({
    type: String, nullable: true, pattern: E164_PATTERN.source, example: '+3197010000001',
    description: 'Phone number for text messages, in E.164 (a plus and the country code, no spaces). On update, null clears it.',
  })
  @IsOptional() @IsE164PhoneNumber() readonly phone?: string | null;

  @ApiPropertyOptional({ enum: NOTIFICATION_LANGUAGES, default: 'nl', description: 'The language messages to this contact point are written in; Dutch when omitted.' })
  @WhenPresent() @IsIn(NOTIFICATION_LANGUAGES) readonly language?: NotificationLanguage;
}
