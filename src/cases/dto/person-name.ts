import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';
import { PERSON_NAME_PATTERN, hasBidiControl } from '../../domain/visible-text';
import { IsNotBlank } from './case-text';

/** Validates a person's name: visible text of at most `max` characters, without bidi controls that would reorder it on screen. */
export function IsPersonName(max = 200): PropertyDecorator {
  return applyDecorators(
    IsString(), IsNotBlank(), HasNoBidiControl(), MaxLength(max),
    ApiProperty({ type: String, minLength: 1, maxLength: max, pattern: PERSON_NAME_PATTERN }),
  );
}

function HasNoBidiControl(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'hasNoBidiControl',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !hasBidiControl(value),
      defaultMessage: buildMessage((each) => `${each}$property must not contain bidi control characters (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069)`, options),
    },
  }, options);
}
