import { ValidateBy, buildMessage, type ValidationArguments, type ValidationOptions } from 'class-validator';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ONE_DAY_MS = 86_400_000;

/** Validates that a period's end is not before its start, where an end given as a date includes that whole day. */
export function IsNotBefore(startProperty: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isNotBefore',
    constraints: [startProperty],
    validator: {
      validate: (end: unknown, args?: ValidationArguments) => {
        const start = (args?.object as Record<string, unknown> | undefined)?.[startProperty];
        // A missing or malformed date is reported by the date validators; this one only judges the order.
        if (typeof start !== 'string' || typeof end !== 'string') return true;
        const startMs = Date.parse(start);
        const endMs = Date.parse(end) + (DATE_ONLY.test(end) ? ONE_DAY_MS - 1 : 0);
        return Number.isNaN(startMs) || Number.isNaN(endMs) || endMs >= startMs;
      },
      defaultMessage: buildMessage((each) => `${each}$property must not be before ${startProperty}`, options),
    },
  }, options);
}
