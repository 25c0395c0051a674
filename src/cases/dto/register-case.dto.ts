import { Type } from 'class-transformer';
import {
  IsBoolean, IsDefined, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min,
  ValidateNested,
} from 'class-validator';
import {
  CASE_CATEGORIES, MEDIA_ATTENTION_LEVELS, REQUESTER_ROLES, SAFETY_REGIONS,
  type CaseCategory, type MediaAttention, type RequesterRole, type SafetyRegion,
} from '../../domain/case.vocabulary';

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

  @IsString() @IsNotEmpty() @MaxLength(100)
  @Matches(/^\p{L}[\p{L}\p{M} .'’-]*$/u, { message: 'municipality must be a municipality name (letters, spaces, hyphens, apostrophes)' })
  readonly municipality: string;

  @IsIn(SAFETY_REGIONS) readonly safetyRegion: SafetyRegion;
  @IsIn(REQUESTER_ROLES) readonly requesterRole: RequesterRole;
  @IsString() @IsNotEmpty() @MaxLength(5000) readonly description: string;
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) readonly eventDate?: string;

  @IsDefined() @ValidateNested() @Type(() => RiskIndicatorsDto) readonly indicators: RiskIndicatorsDto;
}
