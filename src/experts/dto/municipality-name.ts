import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

// Real names start with an apostrophe ('s-Hertogenbosch) or hold commas and brackets (Nuenen, Gerwen en Nederwetten).
const MUNICIPALITY_NAME = /^['’]?\p{L}[\p{L}\p{M} .,'’()-]*$/u;
const MAX_LENGTH = 100;

// The pattern needs the "u" flag, which OpenAPI patterns cannot carry, so the schema says it in words.
const NAME_SCHEMA = {
  type: 'string',
  minLength: 1,
  maxLength: MAX_LENGTH,
  description: 'A Dutch municipality name: letters, spaces, hyphens, apostrophes, commas and brackets.',
  example: 'Zoetermeer',
} as const;

/** Validates a Dutch municipality name, as one value or, with `each`, as every element of an array. */
export function IsMunicipalityName(options: { each?: boolean } = {}): PropertyDecorator {
  const subject = options.each ? 'each value in $property' : '$property';
  return applyDecorators(
    IsString(options),
    IsNotEmpty(options),
    MaxLength(MAX_LENGTH, options),
    Matches(MUNICIPALITY_NAME, { ...options, message: `${subject} must be a municipality name (letters, spaces, hyphens, apostrophes)` }),
    options.each ? ApiProperty({ type: 'array', items: NAME_SCHEMA, example: ['Delft'] }) : ApiProperty(NAME_SCHEMA),
  );
}
