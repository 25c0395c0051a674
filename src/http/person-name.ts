import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { PERSON_NAME_PATTERN } from '../domain/visible-text';
import { MaxTextLength } from './max-text-length';
import { HasNoInvisibleCharacter } from './no-invisible-character';
import { IsNotBlank } from './not-blank';

/** Validates a person's name: visible text of at most `max` characters, without invisible characters that would let it pass for another. */
export function IsPersonName(max = 200): PropertyDecorator {
  return applyDecorators(
    IsString(), IsNotBlank(), HasNoInvisibleCharacter(), MaxTextLength(max),
    ApiProperty({ type: String, minLength: 1, maxLength: max, pattern: PERSON_NAME_PATTERN }),
  );
}
