import { ValidateBy, buildMessage, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** Validates that a period's end is not before its start. */
export function IsNotBefore(startProperty: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isNotBefore',
    constraints: [startProperty],
    validator: {
      validate: (end: unknown, args?: ValidationArguments) => {
        const start = (args?.object as Record<string, unknown> | undefined)?.[startProperty];
        // A missing or malformed date-time is reported by the date-time validators; this one only judges the order.
        if (typeof start !== 'string' || typeof end !== 'string') return true;
        const startMs = Date.parse(start);
        const endMs = Date.parse(end);
        return Number.isNaN(startMs) || Number.isNaN(endMs) || endMs >= startMs;
      },
      defaultMessage: buildMessage((each) => `${each}$property must not be before ${startProperty}`, options),
    },
  }, options);
}
