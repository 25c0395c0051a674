import { ApiProperty } from '@nestjs/swagger';

/** The paging part of a list answer, for the OpenAPI document; each list's model adds its `items`. */
export class PageModel {
  @ApiProperty({ type: 'integer', description: 'How many items match the filters, on all pages.', example: 42 }) readonly total!: number;
  @ApiProperty({ type: 'integer', description: 'This page, counted from 1.', example: 1 }) readonly page!: number;
  @ApiProperty({ type: 'integer', example: 20 }) readonly pageSize!: number;
}
