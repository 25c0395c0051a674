import { BadRequestException, Injectable, ParseUUIDPipe, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { FieldProblem } from '../runtime/validation';

// Offer, task, follow-up and escalation ids are workflow-made slugs (offer-1-2, task-3, day-30, esc-1); anything
// else in the path, such as "../" or white space, is junk and never reaches Temporal.
const STEP_ID = /^[a-z0-9-]{1,64}$/;

/** The case id in a path: a version-4 UUID, as every case id is. */
export const caseId = new ParseUUIDPipe({ version: '4' });

/** Validates the id of an offer, task, follow-up or escalation in a path, answering 400 that names the parameter. */
@Injectable()
export class ParseStepIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && STEP_ID.test(value)) return value;
    const field = metadata.data ?? 'id';
    const problem = `${field} must be 1 to 64 lower-case letters, digits or hyphens`;
    const fields: FieldProblem[] = [{ field, problems: [problem] }];
    // The same body as the validation pipe's, so that every 400 names its field the same way.
    throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: problem, fields });
  }
}

/** The shared instance of `ParseStepIdPipe` for the controller's path parameters. */
export const stepId = new ParseStepIdPipe();
