import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';

const ISO_639_1 = new Set((
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es ' +
  'et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki ' +
  'kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no ' +
  'nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te ' +
  'tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
).split(' '));

// Papiamento, spoken by part of the pool, has no ISO 639-1 code; like BCP 47, a three-letter ISO 639-3 code stands in.
const ISO_639_3 = /^[a-z]{3}$/;

const CODE_SCHEMA = {
  type: 'string',
  pattern: '^[a-z]{2,3}$',
  description: 'A lower-case ISO 639-1 code such as "nl", or an ISO 639-3 code such as "pap" for a language without one.',
  example: 'nl',
} as const;

/** Whether a value is a lower-case ISO 639-1 code, or an ISO 639-3 code for a language without one (such as "pap"). */
export function isLanguageCode(value: unknown): boolean {
  return typeof value === 'string' && (ISO_639_1.has(value) || ISO_639_3.test(value));
}

/** Validates a language code as `isLanguageCode` defines it. */
export function IsLanguageCode(options?: ValidationOptions): PropertyDecorator {
  const validation = ValidateBy({
    name: 'isLanguageCode',
    validator: {
      validate: isLanguageCode,
      defaultMessage: buildMessage(
        (each) => `${each}$property must be an ISO 639-1 language code such as "nl" or "en", or an ISO 639-3 code such as "pap"`,
        options,
      ),
    },
  }, options);
  const schema = options?.each ? ApiProperty({ type: 'array', items: CODE_SCHEMA, example: ['nl', 'en'] }) : ApiProperty(CODE_SCHEMA);
  return applyDecorators(validation, schema);
}
