import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ToDecimalInteger } from './decimal-integer';

/** The paging part of a list query: a 1-based page, 20 items per page unless asked otherwise (at most 100). */
export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100_000, default: 1, description: 'The page, counted from 1.' })
  @IsOptional() @ToDecimalInteger() @IsInt() @Min(1) @Max(100_000) readonly page: number = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20, description: 'Items per page.' })
  @IsOptional() @ToDecimalInteger() @IsInt() @Min(1) @Max(100) readonly pageSize: number = 20;
}
