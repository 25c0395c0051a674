import { ApiProperty } from '@nestjs/swagger';
import type {
  OutboxAttempt, OutboxCalendar, OutboxItem, OutboxMessage, OutboxOutcome, OutboxPage, OutboxRecipient, ReceivedCopy,
} from '../api-contracts/outbox.contract';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../domain/notifications/delivery-status';
import { NOTIFICATION_CHANNELS, NOTIFICATION_LANGUAGES, type NotificationChannel, type NotificationLanguage } from '../domain/notifications/notification-kinds';
import { PageModel } from '../http/page.model';

/** Who a delivery went to, for the OpenAPI document. */
export class OutboxRecipientModel implements OutboxRecipient {
  @ApiProperty({ enum: ['expert', 'role', 'partner'] }) readonly kind!: OutboxRecipient['kind'];
  @ApiProperty({ description: "The expert's id, the brigade role (dutyCoordinator, programmeLead) or the partner (COA, police, NCTV).", example: 'dutyCoordinator' })
  readonly id!: string;
  @ApiProperty({ description: 'The e-mail address or phone number the channel used.', example: 'dienstdoende-coordinator@brigade.local' })
  readonly address!: string;
}

/** One delivery of `GET /outbox`, for the OpenAPI document. */
export class OutboxItemModel implements OutboxItem {
  @ApiProperty({ description: '`<caseId>/<notificationId>/<channel>`.', example: '5b1d2c3e-1111-4222-8333-944445555666/17-offerMade-expert/email' })
  readonly deliveryKey!: string;
  @ApiProperty({ format: 'uuid' }) readonly caseId!: string;
  @ApiProperty({ example: '17-offerMade-expert' }) readonly notificationId!: string;
  @ApiProperty({ description: "The notification kind: the message's template.", example: 'offerMade' }) readonly kind!: string;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, enumName: 'NotificationChannel' }) readonly channel!: NotificationChannel;
  @ApiProperty({ description: 'What carried it.', example: 'embedded' }) readonly transport!: string;
  @ApiProperty({ type: OutboxRecipientModel }) readonly recipient!: OutboxRecipientModel;
  @ApiProperty({ type: String, nullable: true, description: 'Null for a text message.' }) readonly subject!: string | null;
  @ApiProperty({ enum: NOTIFICATION_LANGUAGES, enumName: 'NotificationLanguage' }) readonly language!: NotificationLanguage;
  @ApiProperty({ format: 'date-time' }) readonly createdAt!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many times sending was tried.' }) readonly attemptCount!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The error code of the newest attempt that failed; null when none did.', example: 'smtp_451' })
  readonly lastErrorCode!: string | null;
  @ApiProperty({ enum: DELIVERY_STATUSES, enumName: 'DeliveryStatus', description: 'Sent or failed once the ledger records an outcome; pending until then.' })
  readonly status!: DeliveryStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the channel accepted it; null unless sent.' })
  readonly sentAt!: string | null;
}

/** One page of `GET /outbox`, newest first, for the OpenAPI document. */
export class OutboxPageModel extends PageModel implements OutboxPage {
  @ApiProperty({ type: [OutboxItemModel] }) readonly items!: readonly OutboxItemModel[];
}

/** One try at sending, for the OpenAPI document. */
export class OutboxAttemptModel implements OutboxAttempt {
  @ApiProperty({ type: 'integer', minimum: 1 }) readonly attempt!: number;
  @ApiProperty({ format: 'date-time' }) readonly startedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null when this try was not refused.', example: 'smtp_451' }) readonly errorCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The channel's own words." }) readonly error!: string | null;
}

/** How a delivery ended, for the OpenAPI document. */
export class OutboxOutcomeModel implements OutboxOutcome {
  @ApiProperty({ enum: ['sent', 'failed'] }) readonly outcome!: OutboxOutcome['outcome'];
  @ApiProperty({ type: String, nullable: true, description: 'The Message-ID or Notify id, for a sent message.' }) readonly reference!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it failed, for a failed one.' }) readonly detail!: string | null;
  @ApiProperty({ format: 'date-time' }) readonly occurredAt!: string;
}

/** The calendar invitation of a session message, for the OpenAPI document. */
export class OutboxCalendarModel implements OutboxCalendar {
  @ApiProperty({ type: String, nullable: true, example: 'REQUEST' }) readonly method!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'RFC 3339 in UTC, or the local time as written when timeZone names its zone.', example: '2027-01-15T18:00:00Z' })
  readonly startsAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Europe/Amsterdam' }) readonly timeZone!: string | null;
  @ApiProperty({ description: 'The iCalendar object as sent.' }) readonly raw!: string;
}

/** The copy the SMTP server inside Brigade received, for the OpenAPI document. */
export class ReceivedCopyModel implements ReceivedCopy {
  @ApiProperty({ example: '<5b1d2c3e.17-offerMade-expert.email@brigade.local>' }) readonly messageId!: string;
  @ApiProperty({ format: 'date-time' }) readonly receivedAt!: string;
  @ApiProperty({ description: "The envelope's sender; empty for the null sender." }) readonly envelopeFrom!: string;
  @ApiProperty({ type: [String] }) readonly envelopeTo!: readonly string[];
  @ApiProperty({ type: String, nullable: true }) readonly subject!: string | null;
  @ApiProperty({ description: 'The message as it came over the wire.' }) readonly raw!: string;
}

/** One delivery of `GET /outbox/:deliveryKey`, for the OpenAPI document. */
export class OutboxMessageModel extends OutboxItemModel implements OutboxMessage {
  @ApiProperty({ description: 'The text as sent.' }) readonly body!: string;
  @ApiProperty({ type: OutboxCalendarModel, nullable: true }) readonly calendar!: OutboxCalendarModel | null;
  @ApiProperty({ type: [OutboxAttemptModel], description: 'Every try, oldest first.' }) readonly attempts!: readonly OutboxAttemptModel[];
  @ApiProperty({ type: OutboxOutcomeModel, nullable: true, description: 'Null while pending.' }) readonly outcome!: OutboxOutcomeModel | null;
  @ApiProperty({ type: ReceivedCopyModel, nullable: true, description: 'Null when another transport carried it, or no copy has arrived.' })
  readonly receivedCopy!: ReceivedCopyModel | null;
}
