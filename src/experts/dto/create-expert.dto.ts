import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsPhoneNumber, IsString, Matches,
  Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { CASE_CATEGORIES, SAFETY_REGIONS, type CaseCategory, type SafetyRegion } from '../../domain/case.vocabulary';
import { EXPERT_SKILLS, type ExpertSkill } from '../../domain/expert-profile';
import { IsLanguageCode } from './language-code';
import { IsMunicipalityName } from './municipality-name';
import { UnavailablePeriodDto } from './unavailable-period.dto';
import { WhenPresent } from './when-present';

/** The body of `POST /experts`: a new expert for the pool; omitted lists start empty, languages start as Dutch. */
export class CreateExpertDto {
  @IsString() @Matches(/\S/, { message: '$property must not be blank' }) @MaxLength(200) readonly name: string;
  @IsEmail() @MaxLength(254) readonly email: string;
  // Numbers without a country code are read as Dutch; foreign numbers need their "+" prefix.
  @IsOptional() @IsPhoneNumber('NL') readonly phone?: string | null;

  @IsArray() @ArrayNotEmpty() @ArrayUnique() @IsIn(CASE_CATEGORIES, { each: true })
  readonly categories: readonly CaseCategory[];

  @WhenPresent() @IsArray() @ArrayUnique() @IsIn(EXPERT_SKILLS, { each: true })
  readonly skills?: readonly ExpertSkill[];

  @IsMunicipalityName() readonly homeMunicipality: string;
  @IsIn(SAFETY_REGIONS) readonly safetyRegion: SafetyRegion;
  @IsInt() @Min(1) @Max(10) readonly capacity: number;

  @WhenPresent() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => UnavailablePeriodDto)
  readonly unavailable?: readonly UnavailablePeriodDto[];

  @WhenPresent() @IsArray() @ArrayMaxSize(50) @IsMunicipalityName({ each: true })
  readonly conflictMunicipalities?: readonly string[];

  @WhenPresent() @IsArray() @ArrayNotEmpty() @ArrayMaxSize(20) @ArrayUnique() @IsLanguageCode({ each: true })
  readonly languages?: readonly string[];
}
