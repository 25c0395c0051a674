import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The paging part of a list query: a 1-based page, 20 items per page unless asked otherwise (at most 100). */
export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100_000, default: 1, description: 'The page, counted from 1.' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) readonly page: number = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20, description: 'Items per page.' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) readonly pageSize: number = 20;
}
