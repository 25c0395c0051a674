import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Histogram, Registry } from 'prom-client';

/** Times every HTTP request by method, route template (`/cases/:id`, never the id itself) and status code. */
@Injectable()
export class HttpRequestMetrics implements NestMiddleware {
  private readonly duration: Histogram<'method' | 'route' | 'status'>;

  constructor(registry: Registry) {
    this.duration = new Histogram({
      name: 'brigade_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route template and status code.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
      registers: [registry],
    });
  }

  use(request: Request, response: Response, next: NextFunction): void {
    const end = this.duration.startTimer();
    response.once('finish', () => {
      // The router sets the matched template while handling the request; a request no route matched gets one label, so
      // scanners probing random paths cannot create a series each.
      const template = (request.route as { path?: string } | undefined)?.path;
      end({ method: request.method, route: typeof template === 'string' ? `${request.baseUrl}${template}` : 'unmatched', status: String(response.statusCode) });
    });
    next();
  }
}
