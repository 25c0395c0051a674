import { BadRequestException } from '@nestjs/common';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,200}$/;

/** Validates the optional Idempotency-Key header: 8 to 200 URL-safe characters. */
export function parseIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!KEY_PATTERN.test(value)) {
    throw new BadRequestException('Idempotency-Key must be 8 to 200 characters of letters, digits, ".", "_", ":" or "-"');
  }
  return value;
}
