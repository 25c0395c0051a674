import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';

/** The query of `GET /retention/destruction-report`: the period, `from` inclusive and `to` exclusive. */
export class DestructionReportQueryDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the period (inclusive), ISO 8601.', example: '2026-01-01' })
  @IsISO8601({ strict: true }) readonly from: string;

  @ApiProperty({ format: 'date-time', description: 'End of the period (exclusive), ISO 8601.', example: '2027-01-01' })
  @IsISO8601({ strict: true }) readonly to: string;
}
