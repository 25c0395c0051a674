import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { invalidField } from '../http/validation';

// Offer, task, follow-up and escalation ids are workflow-made slugs (offer-1-2, task-3, day-30, esc-1); anything
// else in the path, such as "../" or white space, is junk and never reaches Temporal.
const STEP_ID = /^[a-z0-9-]{1,64}$/;

/**
 * Validates the id of an offer, task, follow-up or escalation in a path, answering 400 that names the parameter. Unlike
 * UUIDs these slugs are not case-insensitive, so an upper-case one is refused rather than folded.
 */
@Injectable()
export class ParseStepIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && STEP_ID.test(value)) return value;
    const field = metadata.data ?? 'id';
    throw invalidField(field, 'not_an_id');
  }
}

/** The shared instance of `ParseStepIdPipe` for the controller's path parameters. */
export const stepId = new ParseStepIdPipe();
