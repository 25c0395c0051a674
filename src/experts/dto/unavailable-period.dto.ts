import { ApiProperty } from '@nestjs/swagger';
import { IsRfc3339DateTime } from '../../http/rfc3339-date-time';
import { IsNotBefore } from './period-order';

/** A period in which an expert cannot take on work: two RFC 3339 date-times, both ends inclusive. */
export class UnavailablePeriodDto {
  @ApiProperty({ format: 'date-time', description: 'The first moment of the period (RFC 3339, with an offset).', example: '2027-03-01T00:00:00+01:00' })
  @IsRfc3339DateTime() readonly from: string;

  @ApiProperty({ format: 'date-time', description: 'The last moment of the period (RFC 3339, with an offset); not before `from`.', example: '2027-03-14T23:59:59+01:00' })
  @IsRfc3339DateTime() @IsNotBefore('from') readonly to: string;
}
