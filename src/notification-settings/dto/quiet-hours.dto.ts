import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy, buildMessage, type ValidationArguments } from 'class-validator';
import { isClockTime, type QuietHours } from '../../domain/notifications/notification-preferences';
import { ownProblem } from '../../http/constraint-problems';
import { issue } from '../../http/field-issue';

const CLOCK_TIME = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

/** Validates a time of day, `HH:MM` on the 24-hour clock. */
function IsClockTime(): PropertyDecorator {
  return ValidateBy({
    name: 'isClockTime',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isClockTime(value),
      defaultMessage: buildMessage((each) => `${each}$property must be a time of day such as 22:00`),
    },
  }, ownProblem(() => issue('not_a_clock_time')));
}

/** Validates that a value differs from a sibling's: quiet hours from 22:00 to 22:00 would be none, or all day. */
function DiffersFrom(property: string): PropertyDecorator {
  return ValidateBy({
    name: 'differsFrom',
    constraints: [property],
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => value !== (args?.object as Record<string, unknown> | undefined)?.[property],
      defaultMessage: buildMessage((each) => `${each}$property must differ from ${property}`),
    },
  }, ownProblem(() => issue('equals_start', { start: property })));
}

/** A daily span in which only critical messages come through, in Dutch time; it may run past midnight (22:00 to 07:00). */
export class QuietHoursDto implements QuietHours {
  @ApiProperty({ pattern: CLOCK_TIME, example: '22:00', description: 'When the quiet hours begin: HH:MM, 24-hour clock, Dutch time.' })
  @IsClockTime() readonly start: string;

  @ApiProperty({ pattern: CLOCK_TIME, example: '07:00', description: 'When they end: HH:MM, 24-hour clock, Dutch time; not the same as `start`.' })
  @IsClockTime() @DiffersFrom('start') readonly end: string;
}
