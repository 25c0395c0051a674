import { CASE_TEXT_LIMITS } from '../../domain/case-text-limits';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import { OVERRIDE_REASON_MAX_LENGTH } from '../../domain/manual-assignment';
import { IsCaseText } from './case-text';
import { IsExpertId } from './expert-id-field';

/** A coordinator's explicit decision to assign an expert despite a conflict of interest. */
export class AssignmentOverrideDto {
  @ApiProperty({ description: 'Why the conflict of interest is acceptable here, for the record.', example: 'Moved away last year; the mayor asked for her.' })
  @IsCaseText(OVERRIDE_REASON_MAX_LENGTH) readonly reason: string;
}

/** The body of `POST /cases/:id/assignments`: the expert a coordinator puts on the team by hand. */
export class AssignExpertDto {
  @ApiProperty({ format: 'uuid', description: 'The expert to put on the team (a version-4 UUID).', example: '0b6f9c7e-3f0a-4c43-9a51-7f1e2d4c8a10' })
  @IsExpertId() readonly expertId: string;

  @ApiPropertyOptional({ description: 'Why this expert, for the record.', example: 'Knows the mayor from an earlier case.' })
  @IsOptional() @IsCaseText(CASE_TEXT_LIMITS.reason) readonly note?: string;

  @ApiPropertyOptional({
    type: AssignmentOverrideDto,
    description: 'Sets aside a conflict of interest (the expert lives in the municipality, or declared a conflict with it); without it such an assignment is refused.',
  })
  // ValidateNested passes an array of valid objects too; IsObject keeps it to the one object the schema names.
  @IsOptional() @IsObject() @ValidateNested() @Type(() => AssignmentOverrideDto) readonly override?: AssignmentOverrideDto;
}
