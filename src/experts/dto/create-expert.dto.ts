import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsEmail, IsIn, IsInt, IsObject, IsOptional, IsPhoneNumber, Matches, Max, MaxLength, Min,
  ValidateNested, type ValidationOptions,
} from 'class-validator';
import { CASE_CATEGORIES, SAFETY_REGIONS, type CaseCategory, type SafetyRegion } from '../../domain/case.vocabulary';
import { EXPERT_SKILLS, type ExpertSkill } from '../../domain/expert-profile';
import { NOTIFICATION_LANGUAGES, type NotificationLanguage } from '../../domain/notifications/notification-kinds';
import { HasNoInvisibleCharacter } from '../../http/no-invisible-character';
import { IsPersonName } from '../../http/person-name';
import { IsLanguageCode } from './language-code';
import { IsMunicipalityCode } from '../../http/municipality-code';
import { UnavailablePeriodDto } from './unavailable-period.dto';
import { WhenPresent } from './when-present';

// The rules about a list's length and elements run only on a list, so that an object sent as `unavailable` is told it
// must be an array and not, first, that it "must contain no more than 100 elements". class-validator can stop at the
// first error only for the whole pipe, not per property, and reports stacked decorators from the last one up.
const OF_A_LIST: ValidationOptions = { validateIf: (_dto: object, value: unknown) => Array.isArray(value) };
const EACH_OF_A_LIST: ValidationOptions = { ...OF_A_LIST, each: true };

/** An address without a quoted part, spaces or brackets: what a mail header and a calendar invitation can carry. */
const PLAIN_EMAIL_ADDRESS = /^[^\s"<>()[\],;:\\@]+@[^\s"<>()[\],;:\\@]+$/;
/** The characters of a phone number as people write it. */
const PHONE_NUMBER_CHARACTERS = /^\+?[0-9 ()-]{6,24}$/;

/** The body of `POST /experts`: a new expert for the pool; omitted lists start empty, languages start as Dutch. */
export class CreateExpertDto {
  @ApiProperty({ minLength: 1, maxLength: 200, description: 'Full name.', example: 'Anouk de Vries' })
  @IsPersonName(200) readonly name: string;

  @ApiProperty({ format: 'email', maxLength: 254, description: 'E-mail address; unique in the pool.', example: 'anouk@vliegendebrigade.example' })
  // IsEmail accepts a quoted local part, and with it spaces and line breaks that no mail header or calendar should carry.
  @IsEmail() @MaxLength(254) @HasNoInvisibleCharacter() @Matches(PLAIN_EMAIL_ADDRESS) readonly email: string;

  // Numbers without a country code are read as Dutch; foreign numbers need their "+" prefix.
  @ApiPropertyOptional({
    type: String, nullable: true, example: '+31 6 2000 1234',
    description: 'Phone number; read as Dutch without a "+" country code. On update, null clears it.',
  })
  // IsPhoneNumber finds a number inside other text; only digits, spaces, brackets, dashes and a leading + may be the number.
  @IsOptional() @IsPhoneNumber('NL') @HasNoInvisibleCharacter() @Matches(PHONE_NUMBER_CHARACTERS) readonly phone?: string | null;

  @ApiProperty({ enum: CASE_CATEGORIES, enumName: 'CaseCategory', isArray: true, minItems: 1, uniqueItems: true, description: 'The kinds of case the expert takes on.', example: ['CITIZEN_MEETING'] })
  @IsArray() @ArrayNotEmpty(OF_A_LIST) @ArrayUnique(OF_A_LIST) @IsIn(CASE_CATEGORIES, EACH_OF_A_LIST)
  readonly categories: readonly CaseCategory[];

  @ApiPropertyOptional({ enum: EXPERT_SKILLS, enumName: 'ExpertSkill', isArray: true, uniqueItems: true, description: 'Skills besides the categories.', example: ['mediation'] })
  @WhenPresent() @IsArray() @ArrayUnique(OF_A_LIST) @IsIn(EXPERT_SKILLS, EACH_OF_A_LIST)
  readonly skills?: readonly ExpertSkill[];

  @ApiProperty({ description: 'CBS code of the municipality the expert lives in; matching keeps them off cases there.' })
  @IsMunicipalityCode() readonly homeMunicipalityCode: string;

  @ApiProperty({ enum: SAFETY_REGIONS, enumName: 'SafetyRegion', description: 'The safety region the expert works from.', example: 'haaglanden' })
  @IsIn(SAFETY_REGIONS) readonly safetyRegion: SafetyRegion;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10, description: 'The most cases the expert takes on at once.', example: 2 })
  @IsInt() @Min(1) @Max(10) readonly capacity: number;

  @ApiPropertyOptional({ type: [UnavailablePeriodDto], maxItems: 100, description: 'Periods in which the expert cannot take on work.' })
  // IsObject on each element: ValidateNested would pass a nested array of periods, and store it.
  @WhenPresent() @IsArray() @ArrayMaxSize(100, OF_A_LIST) @IsObject(EACH_OF_A_LIST) @ValidateNested({ each: true }) @Type(() => UnavailablePeriodDto)
  readonly unavailable?: readonly UnavailablePeriodDto[];

  @ApiPropertyOptional({ maxItems: 50, description: 'CBS codes of the municipalities the expert has a conflict of interest with.' })
  @WhenPresent() @IsArray() @ArrayMaxSize(50, OF_A_LIST) @IsMunicipalityCode(EACH_OF_A_LIST)
  readonly conflictMunicipalityCodes?: readonly string[];

  @ApiPropertyOptional({ minItems: 1, maxItems: 20, uniqueItems: true, default: ['nl'], description: 'Languages the expert works in; Dutch when omitted.' })
  @WhenPresent() @IsArray() @ArrayNotEmpty(OF_A_LIST) @ArrayMaxSize(20, OF_A_LIST) @ArrayUnique(OF_A_LIST) @IsLanguageCode(EACH_OF_A_LIST)
  readonly languages?: readonly string[];

  @ApiPropertyOptional({ enum: NOTIFICATION_LANGUAGES, default: 'nl', description: "The language of the expert's e-mails and text messages; Dutch when omitted.", example: 'nl' })
  @WhenPresent() @IsIn(NOTIFICATION_LANGUAGES) readonly notificationLanguage?: NotificationLanguage;
}
