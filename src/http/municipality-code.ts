import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import { isMunicipalityCode, MUNICIPALITY_CODE_PATTERN } from '../domain/places/place-register';

const CODE_SCHEMA = {
  type: 'string',
  pattern: MUNICIPALITY_CODE_PATTERN.source,
  description: 'A CBS municipality code (GM followed by four digits) of a municipality in the register.',
  example: 'GM0637',
} as const;

/**
 * Validates a CBS municipality code that the register holds, as one value or, with `each`, as every element of an
 * array. Only codes pass, so a name spelled with look-alike letters ("Zutphеn" with a Cyrillic е) never does.
 */
export function IsMunicipalityCode(options: { each?: boolean } = {}): PropertyDecorator {
  const subject = options.each ? 'each value in $property' : '$property';
  return applyDecorators(
    // One rule, so that a value that is no code at all and one that names no municipality get the same one problem.
    ValidateBy({
      name: 'isMunicipalityCode',
      validator: {
        validate: (value: unknown) => isMunicipalityCode(value),
        defaultMessage: () => `${subject} must be the CBS code of a municipality in the register, such as GM0637`,
      },
    }, options),
    options.each ? ApiProperty({ type: 'array', items: CODE_SCHEMA, example: ['GM0503'] }) : ApiProperty(CODE_SCHEMA),
  );
}
