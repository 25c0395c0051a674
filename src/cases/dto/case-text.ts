import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** Validates free text that a case records: a string with more than white space, at most `max` characters. */
export function IsCaseText(max = 5000): PropertyDecorator {
  return applyDecorators(
    // The workflow refuses blank text too, but only after a round trip and without naming the field.
    IsString(), Matches(/\S/, { message: '$property must not be blank' }), MaxLength(max),
    // Documented beside the rules, so the schema cannot say otherwise; a field's own @ApiProperty adds its description.
    ApiProperty({ type: String, minLength: 1, maxLength: max, pattern: '\\S' }),
  );
}
