import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { BrigadeConfig } from '../config/brigade-config';
import { mayScrape } from './metrics-access';
import { refusal } from '../http/refusal';

/** Lets a scrape through when no metrics token is configured, or when it shows that token. */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(private readonly config: BrigadeConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (mayScrape(this.config.metrics.token, request.headers.authorization)) return true;
    throw new UnauthorizedException(refusal('metrics_token_needed'));
  }
}
