import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { invalidField } from '../http/validation';

// `<caseId>/<notificationId>/<channel>`: the case's UUID, the notification's id, and email or sms.
const DELIVERY_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/\S+\/(email|sms)$/;
const MAX_LENGTH = 500;

/** Validates a delivery key in a path (arriving URL-decoded, slashes included); a malformed one answers 400 naming it. */
@Injectable()
export class DeliveryKeyParamPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && value.length <= MAX_LENGTH && DELIVERY_KEY.test(value)) return value;
    throw invalidField(metadata.data ?? 'deliveryKey', 'not_an_id');
  }
}

/** Documents the delivery key in a route's path. */
export function ApiDeliveryKeyParam(): MethodDecorator {
  return ApiParam({
    name: 'deliveryKey',
    description: 'The delivery key, `<caseId>/<notificationId>/<channel>`, URL-encoded as one path segment (its slashes as %2F).',
    example: '5b1d2c3e-1111-4222-8333-944445555666%2F17-offerMade-expert%2Femail',
  });
}
