import { ApiParam } from '@nestjs/swagger';
import { ParseUuidParamPipe } from './uuid-path-param.pipe';

/** The case id in a path: a version-4 UUID, as every case id is, in lower case. */
export const caseId = new ParseUuidParamPipe();

/** Documents the case id in a route's path. */
export function ApiCaseIdParam(): MethodDecorator {
  return ApiParam({ name: 'id', format: 'uuid', description: 'The case id.' });
}
