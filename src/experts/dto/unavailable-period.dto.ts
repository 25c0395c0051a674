import { IsISO8601 } from 'class-validator';
import { IsNotBefore } from './period-order';

const ISO_DATE = { strict: true, strictSeparator: true };

/** A period in which an expert cannot take on work: ISO dates or date-times, both ends inclusive. */
export class UnavailablePeriodDto {
  @IsISO8601(ISO_DATE) readonly from: string;
  @IsISO8601(ISO_DATE) @IsNotBefore('from') readonly to: string;
}
