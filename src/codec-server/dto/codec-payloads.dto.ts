import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, Matches, ValidateBy, ValidateNested } from 'class-validator';

/** How many payloads one request may carry; the Temporal UI sends those of one event at a time. */
export const MAX_CODEC_PAYLOADS = 1000;

// Protobuf's JSON form writes bytes as base64; its parsers accept the URL-safe alphabet too.
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

function IsBase64Values(): PropertyDecorator {
  return ValidateBy({
    name: 'isBase64Values',
    validator: {
      validate: (value: unknown) => typeof value === 'object' && value !== null
        && Object.values(value).every((entry) => typeof entry === 'string' && BASE64.test(entry)),
      defaultMessage: () => '$property must map each metadata name to a base64 text',
    },
  });
}

/** A Temporal payload in the JSON form of the remote codec protocol: metadata values and data in base64. */
export class PayloadJsonDto {
  @ApiPropertyOptional({
    type: 'object', additionalProperties: { type: 'string', format: 'byte' },
    description: 'Metadata by name, each value in base64, e.g. {"encoding": "anNvbi9wbGFpbg=="}.',
  })
  @IsOptional() @IsObject() @IsBase64Values() readonly metadata?: Record<string, string>;

  @ApiPropertyOptional({ type: String, format: 'byte', description: 'The payload bytes in base64; absent for an empty payload.' })
  @IsOptional() @Matches(BASE64, { message: '$property must be a base64 text' }) readonly data?: string;
}

/** The body of `POST /codec/encode` and `/codec/decode`, and of their answers. */
export class CodecPayloadsDto {
  @ApiProperty({ type: [PayloadJsonDto], maxItems: MAX_CODEC_PAYLOADS, description: 'The payloads, in order; the answer keeps the order.' })
  // IsObject on each element: ValidateNested would pass a nested array of payloads.
  @IsArray() @ArrayMaxSize(MAX_CODEC_PAYLOADS) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => PayloadJsonDto)
  readonly payloads: PayloadJsonDto[];
}
