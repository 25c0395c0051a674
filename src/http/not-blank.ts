import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';
import { isBlankText } from '../domain/visible-text';

/** Refuses text that is empty to the eye: only white space and invisible characters (default-ignorable, format, the braille blank). */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isNotBlank',
    validator: {
      // A non-string is IsString's to report.
      validate: (value: unknown) => typeof value !== 'string' || !isBlankText(value),
      defaultMessage: buildMessage((each) => `${each}$property must not be blank`, options),
    },
  }, options);
}
