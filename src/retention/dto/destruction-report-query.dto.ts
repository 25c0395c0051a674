import { ApiProperty } from '@nestjs/swagger';
import { IsRfc3339DateTime } from '../../http/rfc3339-date-time';

/** The query of `GET /retention/destruction-report`: the period, `from` inclusive and `to` exclusive. */
export class DestructionReportQueryDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the period (inclusive), RFC 3339 with an offset.', example: '2026-01-01T00:00:00Z' })
  @IsRfc3339DateTime() readonly from: string;

  @ApiProperty({ format: 'date-time', description: 'End of the period (exclusive), RFC 3339 with an offset.', example: '2027-01-01T00:00:00Z' })
  @IsRfc3339DateTime() readonly to: string;
}
