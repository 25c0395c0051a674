import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { invalidField } from './validation';

/**
 * Validates a UUID in a path and hands it on in lower case, the form every id is recorded in: UUIDs are
 * case-insensitive, but workflow ids and lookups built from them are not. A malformed one answers 400 naming the parameter.
 */
@Injectable()
export class ParseUuidParamPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && isUUID(value, '4')) return value.toLowerCase();
    const field = metadata.data ?? 'id';
    throw invalidField(field, 'not_an_id');
  }
}
