import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, type ValidationOptions } from 'class-validator';
import { NOTIFICATION_CHANNELS, type NotificationChannel, type NotificationKind } from '../../domain/notifications/notification-kinds';
import { ownProblem } from '../../http/constraint-problems';
import { issue } from '../../http/field-issue';
import { labelsEn } from '../../i18n/catalogue/labels.en';
import { WhenPresent } from '../../experts/dto/when-present';

// The rules about a list's elements run only on a list, so that a text sent in its place is told it must be a list.
const OF_A_LIST: ValidationOptions = { validateIf: (_dto: object, value: unknown) => Array.isArray(value) };

/** The channels of one kind of message: a list of one or both, each once; an empty list would mean "never", which is refused. */
function ChannelsOf(kind: NotificationKind): PropertyDecorator {
  return applyDecorators(
    WhenPresent(), IsArray(),
    ArrayNotEmpty({ ...OF_A_LIST, ...ownProblem(() => issue('no_channel')) }), ArrayUnique(OF_A_LIST), IsIn(NOTIFICATION_CHANNELS, { ...OF_A_LIST, each: true }),
    ApiPropertyOptional({
      enum: NOTIFICATION_CHANNELS, isArray: true, minItems: 1, uniqueItems: true, example: ['email'],
      description: `How "${labelsEn.notificationKind[kind]}" messages reach the expert; by e-mail when left out.`,
    }),
  );
}

/** The channels an expert chose per kind of message; a kind left out goes by e-mail, and a kind Brigade does not know is refused. */
export class NotificationChannelsDto implements Partial<Record<NotificationKind, readonly NotificationChannel[]>> {
  @ChannelsOf('offerMade') readonly offerMade?: readonly NotificationChannel[];
  @ChannelsOf('offerWithdrawn') readonly offerWithdrawn?: readonly NotificationChannel[];
  @ChannelsOf('taskAssigned') readonly taskAssigned?: readonly NotificationChannel[];
  @ChannelsOf('taskDueSoon') readonly taskDueSoon?: readonly NotificationChannel[];
  @ChannelsOf('taskWithdrawn') readonly taskWithdrawn?: readonly NotificationChannel[];
  @ChannelsOf('sessionScheduled') readonly sessionScheduled?: readonly NotificationChannel[];
  @ChannelsOf('sessionMoved') readonly sessionMoved?: readonly NotificationChannel[];
  @ChannelsOf('sessionCancelled') readonly sessionCancelled?: readonly NotificationChannel[];
  @ChannelsOf('escalationRaised') readonly escalationRaised?: readonly NotificationChannel[];
  @ChannelsOf('escalationClimbed') readonly escalationClimbed?: readonly NotificationChannel[];
  @ChannelsOf('deadlineMissed') readonly deadlineMissed?: readonly NotificationChannel[];
  @ChannelsOf('caseCancelled') readonly caseCancelled?: readonly NotificationChannel[];
}

// A kind added to NOTIFICATION_KINDS without a property here fails to compile, rather than be refused as unknown.
type Unlisted = Exclude<NotificationKind, keyof NotificationChannelsDto>;
const everyKindListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyKindListed;
