import { Transform } from 'class-transformer';

const DECIMAL_DIGITS = /^-?[0-9]+$/;

/**
 * Reads a query parameter as a number only when it is written in plain decimal digits, with a minus sign or without
 * ("10", "-1": a negative page is too small, not something other than a whole number); anything else ("1e1", "0x10",
 * " 10", "10.0", "+1", "") stays as sent, for `IsInt` to refuse by name. `Type(() => Number)` would read all of those as
 * whole numbers.
 */
export function ToDecimalInteger(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' && DECIMAL_DIGITS.test(value) ? Number(value) : value));
}
