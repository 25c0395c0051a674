import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCaseText } from './case-text';
import { IsExpertId } from './expert-id-field';

/** The body of `POST /cases/:id/assignments`: the expert a coordinator puts on the team by hand. */
export class AssignExpertDto {
  @ApiProperty({ format: 'uuid', description: 'The expert to put on the team (a version-4 UUID).', example: '0b6f9c7e-3f0a-4c43-9a51-7f1e2d4c8a10' })
  @IsExpertId() readonly expertId: string;

  @ApiPropertyOptional({ description: 'Why this expert, for the record.', example: 'Knows the mayor from an earlier case.' })
  @IsOptional() @IsCaseText(2000) readonly note?: string;
}
