import { Injectable, UnsupportedMediaTypeException, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { refusal } from './refusal';

/**
 * Refuses a request body that is not JSON with 415. The JSON parser skips any other content type and leaves the body
 * empty, so a form or text body would otherwise reach a route as `{}`: passing validation where every field is
 * optional, and acting on input the caller never sent.
 */
@Injectable()
export class JsonBodyOnlyMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    if (carriesBody(request) && !request.is('application/json')) {
      const type = request.headers['content-type'];
      throw new UnsupportedMediaTypeException(refusal('body_not_json', { type: type ?? '' }));
    }
    next();
  }
}

// An empty POST (Content-Length: 0) carries nothing to misread, whatever its Content-Type says.
function carriesBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}
