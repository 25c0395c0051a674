import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** What `GET /me/cases` may include besides the cases still running. */
export const MY_CASES_INCLUSIONS = ['ended'] as const;

/** The query of `GET /me/cases`: `?include=ended` adds closed, rejected and cancelled cases. */
export class MyCasesQueryDto {
  @ApiPropertyOptional({ enum: MY_CASES_INCLUSIONS, description: 'Also list the cases that have ended (closed, rejected or cancelled).' })
  @IsOptional() @IsIn(MY_CASES_INCLUSIONS) readonly include?: (typeof MY_CASES_INCLUSIONS)[number];
}
