import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { requestLanguage } from './request-language';

/** The catalogue language of the request (from `Accept-Language`), as a handler parameter. */
export const RequestLanguage = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  requestLanguage(context.switchToHttp().getRequest<Request>().headers['accept-language']));
