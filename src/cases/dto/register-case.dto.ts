import { Type } from 'class-transformer';
import {
  IsBoolean, IsDefined, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import {
  CASE_CATEGORIES, MEDIA_ATTENTION_LEVELS, REQUESTER_ROLES, SAFETY_REGIONS,
  type CaseCategory, type MediaAttention, type RequesterRole, type SafetyRegion,
} from '../../domain/case.vocabulary';
import { IsMunicipalityName } from '../../experts/dto/municipality-name';

/** Risk indicators as sent over HTTP; an omitted indicator counts as absent. */
export class RiskIndicatorsDto {
  @IsOptional() @IsBoolean() readonly threatsReceived?: boolean;
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) readonly expectedAttendance?: number;
  @IsOptional() @IsInt() @Min(0) @Max(10_000) readonly priorIncidents?: number;
  @IsOptional() @IsIn(MEDIA_ATTENTION_LEVELS) readonly mediaAttention?: MediaAttention;
  @IsOptional() @IsBoolean() readonly onlineAgitation?: boolean;
  @IsOptional() @IsBoolean() readonly officeHolderPersonallyTargeted?: boolean;
}

/** The body of `POST /cases`: a municipality's support request. */
export class RegisterCaseDto {
  @IsIn(CASE_CATEGORIES) readonly category: CaseCategory;

  // The same rule as for experts' municipalities, which matching compares with this one to avoid conflicts of interest.
  @IsMunicipalityName() readonly municipality: string;

  @IsIn(SAFETY_REGIONS) readonly safetyRegion: SafetyRegion;
  @IsIn(REQUESTER_ROLES) readonly requesterRole: RequesterRole;
  @IsString() @IsNotEmpty() @MaxLength(5000) readonly description: string;
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) readonly eventDate?: string;

  @IsDefined() @ValidateNested() @Type(() => RiskIndicatorsDto) readonly indicators: RiskIndicatorsDto;
}
