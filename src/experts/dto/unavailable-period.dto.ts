import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { IsNotBefore } from './period-order';

const ISO_DATE = { strict: true, strictSeparator: true };

/** A period in which an expert cannot take on work: ISO dates or date-times, both ends inclusive. */
export class UnavailablePeriodDto {
  @ApiProperty({ description: 'The first day (ISO 8601 date) or moment (date-time) of the period.', example: '2027-03-01' })
  @IsISO8601(ISO_DATE) readonly from: string;

  @ApiProperty({ description: 'The last day (a date includes the whole day) or moment of the period; not before `from`.', example: '2027-03-14' })
  @IsISO8601(ISO_DATE) @IsNotBefore('from') readonly to: string;
}
