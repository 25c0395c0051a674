import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsUUID } from 'class-validator';

/**
 * An expert id in a request body: a version-4 UUID, read in lower case as expert ids are recorded (UUIDs are
 * case-insensitive, the workflow's comparisons are not).
 */
export function IsExpertId(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value)),
    IsUUID('4'),
  );
}
