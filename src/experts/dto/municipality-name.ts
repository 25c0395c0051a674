import { applyDecorators } from '@nestjs/common';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

// Real names start with an apostrophe ('s-Hertogenbosch) or hold commas and brackets (Nuenen, Gerwen en Nederwetten).
const MUNICIPALITY_NAME = /^['’]?\p{L}[\p{L}\p{M} .,'’()-]*$/u;

/** Validates a Dutch municipality name, as one value or, with `each`, as every element of an array. */
export function IsMunicipalityName(options: { each?: boolean } = {}): PropertyDecorator {
  const subject = options.each ? 'each value in $property' : '$property';
  return applyDecorators(
    IsString(options),
    IsNotEmpty(options),
    MaxLength(100, options),
    Matches(MUNICIPALITY_NAME, { ...options, message: `${subject} must be a municipality name (letters, spaces, hyphens, apostrophes)` }),
  );
}
