import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import type { Request } from 'express';
import { SPECIFIC_ERROR_CODES } from '../http/error-body';
import { EXPERT_DIRECTORY, type ExpertDirectory } from '../expert-directory/expert-directory.port';
import { BrigadeConfig } from '../config/brigade-config';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './allow.decorator';
import { PRINCIPAL_PROPERTY } from './current-principal.decorator';
import type { Principal } from './principal';
import { principalFromClaims } from './token-claims';
import { tokenLifetimeProblem } from './token-lifetime';
import type { UserRole } from '../domain/user-role';
import { refusal } from '../http/refusal';

const BEARER = /^Bearer +([A-Za-z0-9._~+/=-]+)$/;

/** The global guard: a route is closed unless it is public or names the caller's role, and the caller must show a valid token. */
@Injectable()
export class TokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly config: BrigadeConfig,
    @Inject(EXPERT_DIRECTORY) private readonly experts: ExpertDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & Record<string, unknown>>();
    const principal = await this.authenticate(request);
    const allowed = this.reflector.getAllAndOverride<UserRole[] | undefined>(ALLOWED_ROLES, targets);
    const route = `${request.method} ${request.route?.path ?? request.path}`;
    if (!allowed) throw new ForbiddenException(refusal('route_without_roles', { route }));
    if (!allowed.includes(principal.role)) {
      throw new ForbiddenException(refusal('role_not_allowed', { role: principal.role, route, allowed: allowed.join(', ') }));
    }
    request[PRINCIPAL_PROPERTY] = principal;
    return true;
  }

  private async authenticate(request: Request): Promise<Principal> {
    const header = request.headers.authorization;
    if (!header) throw new UnauthorizedException(refusal('token_missing'));
    const token = BEARER.exec(header)?.[1];
    if (!token) throw new UnauthorizedException(refusal('token_malformed'));
    this.refuseCriticalExtensions(token);
    let payload: Record<string, unknown>;
    try {
      payload = await this.jwt.verifyAsync<Record<string, unknown>>(token);
    } catch (error) {
      if (error instanceof TokenExpiredError) throw new UnauthorizedException(refusal('token_expired', { expiredAt: error.expiredAt.toISOString() }));
      throw new UnauthorizedException(refusal('token_invalid', { detail: error instanceof Error ? error.message : String(error) }));
    }
    // A leaked token that never expires, or expires in a year, would open the API for as long; the signature alone does not say.
    const lifetime = tokenLifetimeProblem(payload, this.config.tokenKeys.maxTokenTtlSeconds, Math.floor(Date.now() / 1000));
    if (lifetime) throw new UnauthorizedException(refusal('token_lifetime', { detail: lifetime }));
    const principal = principalFromClaims(payload);
    if (typeof principal === 'string') throw new UnauthorizedException(refusal('token_no_principal', { detail: principal }));
    if (principal.role === 'expert') await this.requireActiveExpert(principal.subject);
    return principal;
  }

  // RFC 7515 §4.1.11: a recipient must refuse a token whose header lists extensions it does not understand, before it
  // verifies the token; Brigade understands none. The header is read unverified, which is enough to refuse on.
  private refuseCriticalExtensions(token: string): void {
    const jose: unknown = this.jwt.decode<{ header?: unknown } | null>(token, { complete: true })?.header;
    if (typeof jose === 'object' && jose !== null && 'crit' in jose) {
      throw new UnauthorizedException(refusal('token_critical_extensions'));
    }
  }

  // Asked of the pool on every request, so a deactivation ends a still-valid token at once.
  private async requireActiveExpert(expertId: string): Promise<void> {
    const active = await this.experts.isActive(expertId);
    if (active === null) throw new UnauthorizedException({ code: SPECIFIC_ERROR_CODES.unknownExpert, ...refusal('unknown_expert', { expertId }) });
    if (!active) throw new UnauthorizedException({ code: SPECIFIC_ERROR_CODES.expertDeactivated, ...refusal('expert_deactivated', { expertId }) });
  }
}
