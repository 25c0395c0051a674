import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';

/** Validates free text that a case records: a string with more than white space, at most `max` characters. */
export function IsCaseText(max = 5000): PropertyDecorator {
  // The workflow refuses blank text too, but only after a round trip and without naming the field.
  return applyDecorators(IsString(), Matches(/\S/, { message: '$property must not be blank' }), MaxLength(max));
}
