import { CASE_TEXT_LIMITS } from '../../domain/case-text-limits';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean, IsDefined, IsIn, IsInt, IsObject, IsOptional, Max, Min, ValidateNested,
} from 'class-validator';
import {
  CASE_CATEGORIES, MEDIA_ATTENTION_LEVELS, REQUESTER_ROLES, SAFETY_REGIONS,
  type CaseCategory, type MediaAttention, type RequesterRole, type SafetyRegion,
} from '../../domain/case.vocabulary';
import { IsRfc3339DateTime } from '../../http/rfc3339-date-time';
import { IsMunicipalityCode } from '../../http/municipality-code';
import { IsRegionOfMunicipality } from './region-of-municipality';
import { IsCaseText } from './case-text';
import { IsPersonName } from '../../http/person-name';

/** Risk indicators as sent over HTTP; an omitted indicator counts as absent. */
export class RiskIndicatorsDto {
  @ApiPropertyOptional({ description: 'Whether threats have been received.', example: false })
  @IsOptional() @IsBoolean() readonly threatsReceived?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 10_000_000, description: 'How many people are expected.', example: 200 })
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) readonly expectedAttendance?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 10_000, description: 'Incidents at earlier, similar events.', example: 0 })
  @IsOptional() @IsInt() @Min(0) @Max(10_000) readonly priorIncidents?: number;

  @ApiPropertyOptional({ enum: MEDIA_ATTENTION_LEVELS, enumName: 'MediaAttention', description: 'How much media attention there already is.', example: 'local' })
  @IsOptional() @IsIn(MEDIA_ATTENTION_LEVELS) readonly mediaAttention?: MediaAttention;

  @ApiPropertyOptional({ description: 'Whether people are being stirred up online.', example: false })
  @IsOptional() @IsBoolean() readonly onlineAgitation?: boolean;

  @ApiPropertyOptional({ description: 'Whether an office holder is targeted in person.', example: false })
  @IsOptional() @IsBoolean() readonly officeHolderPersonallyTargeted?: boolean;
}

/** The office holder a request is about; sensitive, shown only to those who need it. */
export class OfficeHolderDto {
  @ApiProperty({ description: 'Their name.', example: 'J. de Boer', maxLength: 200 })
  @IsPersonName(200) readonly name: string;

  @ApiProperty({ description: 'Their office.', example: 'wethouder wonen', maxLength: 200 })
  @IsCaseText(200) readonly office: string;

  @ApiPropertyOptional({ description: 'What the brigade should know about them.', maxLength: CASE_TEXT_LIMITS.account })
  @IsOptional() @IsCaseText(CASE_TEXT_LIMITS.account) readonly details?: string;
}

/** The body of `POST /cases`: a municipality's support request. */
export class RegisterCaseDto {
  @ApiProperty({ enum: CASE_CATEGORIES, enumName: 'CaseCategory', description: 'The kind of support asked for.', example: 'SHELTER_SUPPORT' })
  @IsIn(CASE_CATEGORIES) readonly category: CaseCategory;

  // A code, as for experts' homes, which matching compares with this one to keep conflicts of interest out.
  @ApiProperty({ description: 'CBS code of the municipality asking for support.' })
  @IsMunicipalityCode() readonly municipalityCode: string;

  @ApiPropertyOptional({
    enum: SAFETY_REGIONS, enumName: 'SafetyRegion', example: 'haaglanden',
    description: 'The safety region (veiligheidsregio); it follows from the municipality, and a different one is refused.',
  })
  @IsOptional() @IsIn(SAFETY_REGIONS) @IsRegionOfMunicipality() readonly safetyRegion?: SafetyRegion;

  @ApiProperty({ enum: REQUESTER_ROLES, enumName: 'RequesterRole', description: 'Who in the municipality asks.', example: 'alderman' })
  @IsIn(REQUESTER_ROLES) readonly requesterRole: RequesterRole;

  @ApiProperty({ description: 'The situation, in the requester’s words (sensitive).', example: 'Raadsvergadering over een nieuwe opvanglocatie' })
  @IsCaseText(CASE_TEXT_LIMITS.account) readonly description: string;

  @ApiPropertyOptional({ type: OfficeHolderDto, description: 'The office holder the request is about, if any (sensitive).' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => OfficeHolderDto) readonly officeHolder?: OfficeHolderDto;

  @ApiPropertyOptional({
    format: 'date-time', example: '2027-01-20T19:00:00+01:00',
    description: 'When the risky event takes place: an RFC 3339 date-time with an offset, from 2015 to two years ahead.',
  })
  @IsOptional() @IsRfc3339DateTime() readonly eventDate?: string;

  @ApiProperty({ type: RiskIndicatorsDto, description: 'What the intake risk assessment weighs; send {} when nothing is known.' })
  // ValidateNested passes an array of valid objects too; IsObject keeps the body to the one object the schema names.
  @IsDefined() @IsObject() @ValidateNested() @Type(() => RiskIndicatorsDto) readonly indicators: RiskIndicatorsDto;
}
