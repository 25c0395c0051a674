import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** One invalid field and what is wrong with it. */
export interface FieldProblem {
  readonly field: string;
  readonly problems: readonly string[];
}

/** The global pipe: unknown fields are refused, and every answer names the offending fields. */
export function brigadeValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: fields.flatMap((field) => field.problems).join('; '),
        fields,
      });
    },
  });
}

/** A 400 about one field, in the body the validation pipe gives, so that every 400 names its field the same way. */
export function invalidField(field: string, problem: string): BadRequestException {
  const fields: FieldProblem[] = [{ field, problems: [problem] }];
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: problem, fields });
}

function flatten(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints
      ? [{ field, problems: Object.values(error.constraints).map((text) => text.replace(error.property, field)) }]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
