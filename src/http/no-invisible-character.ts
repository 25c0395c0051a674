import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';
import { hasControlOrUnassignedCharacter, hasInvisibleCharacter } from '../domain/visible-text';

/**
 * Refuses text with invisible characters that would let it pass for another, or with control characters: a line break
 * in an address that goes into a mail header could add a header of its own.
 */
export function HasNoInvisibleCharacter(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'hasNoInvisibleCharacter',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !(hasInvisibleCharacter(value) || hasControlOrUnassignedCharacter(value)),
      defaultMessage: buildMessage(
        (each) => `${each}$property must not contain invisible characters (default-ignorable or format characters such as zero-width spaces and joiners, variation selectors, bidi controls, tags, the soft hyphen; Hangul fillers; the braille blank), control characters, line or paragraph separators, unassigned or private-use code points`,
        options,
      ),
    },
  }, options);
}
