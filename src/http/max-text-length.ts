import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';
import { textLength } from '../domain/case-text-limits';

/**
 * Refuses text longer than `max` characters, counted as the domain counts them (`textLength`), so that the API and the
 * workflow's decisions agree on every text; named `maxLength`, its refusal reads as any length limit's (`too_long {max}`).
 */
export function MaxTextLength(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'maxLength',
    constraints: [max],
    validator: {
      // A non-string is IsString's to report.
      validate: (value: unknown) => typeof value !== 'string' || textLength(value) <= max,
      defaultMessage: buildMessage((each) => `${each}$property must be at most $constraint1 characters`, options),
    },
  }, options);
}
