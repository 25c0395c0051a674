import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBody } from './error-body';

/** Documents the error answers a route (or every route of a controller) can give, by status, each carrying the ErrorBody. */
export function ApiErrorResponses(reasons: Readonly<Record<number, string>>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(reasons).map(([status, description]) => ApiResponse({ status: Number(status), description, type: ErrorBody })),
  );
}
