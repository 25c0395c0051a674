import { invalidField } from '../http/validation';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,200}$/;

/** Validates the optional Idempotency-Key header: 8 to 200 URL-safe characters. */
export function parseIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // Named as a field, like every other refused input, so that a form can show it beside its summary.
  if (!KEY_PATTERN.test(value)) throw invalidField('Idempotency-Key', 'not_an_idempotency_key');
  return value;
}
