import { ValidateIf } from 'class-validator';

/** Skips a property's validation when it is absent, but, unlike `IsOptional`, still refuses an explicit null. */
export const WhenPresent = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);
