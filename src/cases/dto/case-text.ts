import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString } from 'class-validator';
import { CASE_TEXT_LIMITS } from '../../domain/case-text-limits';
import { trimVisible } from '../../domain/visible-text';
import { MaxTextLength } from '../../http/max-text-length';
import { IsNotBlank } from '../../http/not-blank';

/**
 * Validates free text that a case records: a string with something visible in it, at most `max` characters, trimmed of
 * white space and invisible characters at both ends first, so that the workflow records the text as it reads.
 */
export function IsCaseText(max: number = CASE_TEXT_LIMITS.account): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? trimVisible(value) : value)),
    // The workflow refuses blank text too, but only after a round trip and without naming the field.
    IsString(), IsNotBlank(), MaxTextLength(max),
    // Documented beside the rules, so the schema cannot say otherwise; a field's own @ApiProperty adds its description.
    // The pattern says "not only white space"; invisible characters need the "u" flag, which OpenAPI patterns lack.
    ApiProperty({ type: String, minLength: 1, maxLength: max, pattern: '\\S' }),
  );
}
