import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';
import { isE164PhoneNumber } from '../domain/notifications/phone-number';

/** Validates a phone number written in E.164, such as +31612345678: the form text message services take without guessing. */
export function IsE164PhoneNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isE164PhoneNumber',
    validator: {
      validate: isE164PhoneNumber,
      defaultMessage: buildMessage((each) => `${each}$property must be an international phone number in E.164 form, such as +31612345678`, options),
    },
  }, options);
}
