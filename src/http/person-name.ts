import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';
import { PERSON_NAME_PATTERN, hasControlOrUnassignedCharacter, hasInvisibleCharacter } from '../domain/visible-text';
import { MaxTextLength } from './max-text-length';
import { IsNotBlank } from './not-blank';

/** Validates a person's name: visible text of at most `max` characters, without invisible characters that would let it pass for another. */
export function IsPersonName(max = 200): PropertyDecorator {
  return applyDecorators(
    IsString(), IsNotBlank(), HasNoInvisibleCharacter(), MaxTextLength(max),
    ApiProperty({ type: String, minLength: 1, maxLength: max, pattern: PERSON_NAME_PATTERN }),
  );
}

function HasNoInvisibleCharacter(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'hasNoInvisibleCharacter',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !(hasInvisibleCharacter(value) || hasControlOrUnassignedCharacter(value)),
      defaultMessage: buildMessage(
        (each) => `${each}$property must not contain invisible characters (default-ignorable or format characters such as zero-width spaces and joiners, variation selectors, bidi controls, tags, the soft hyphen; Hangul fillers; the braille blank), control characters, line or paragraph separators, unassigned or private-use code points`,
        options,
      ),
    },
  }, options);
}
