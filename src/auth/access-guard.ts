import { ForbiddenException, HttpException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { EXPERT_DIRECTORY, type ExpertDirectory } from '../expert-directory/expert-directory.port';
import { SPECIFIC_ERROR_CODES } from '../http/error-body';
import { refusal } from '../http/refusal';
import type { UserRole } from '../domain/user-role';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './allow.decorator';
import { BearerAuthenticator } from './bearer-authenticator';
import { PRINCIPAL_PROPERTY } from './current-principal.decorator';
import type { Principal } from './principal';
import { SessionAuthenticator } from './session-authenticator';
import { AccessLog } from '../access-log/access-log';

/**
 * The global guard: a route is closed unless it is public or names the caller's role. The caller shows a bearer token
 * (scripts, machine clients) or the screens' session cookie; an expert must still be active in the pool.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly bearer: BearerAuthenticator,
    private readonly session: SessionAuthenticator,
    @Inject(EXPERT_DIRECTORY) private readonly experts: ExpertDirectory,
    private readonly accessLog: AccessLog,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & Record<string, unknown>>();
    const route = `${request.method} ${request.route?.path ?? request.path}`;
    let principal: Principal | undefined;
    try {
      principal = await this.authenticate(request);
      if (principal.role === 'expert') await this.requireActiveExpert(principal.subject);
      const allowed = this.reflector.getAllAndOverride<UserRole[] | undefined>(ALLOWED_ROLES, targets);
      if (!allowed) throw new ForbiddenException(refusal('route_without_roles', { route }));
      if (!allowed.includes(principal.role)) {
        throw new ForbiddenException(refusal('role_not_allowed', { role: principal.role, route, allowed: allowed.join(', ') }));
      }
    } catch (error) {
      this.recordRefusal(error, request, route, principal);
      throw error;
    }
    request[PRINCIPAL_PROPERTY] = principal;
    return true;
  }

  // Every refused credential or role is an access event; a request that showed none, and an expiry (which the session
  // logs itself), are not refusals of anyone.
  private recordRefusal(error: unknown, request: Request, route: string, principal: Principal | undefined): void {
    if (!(error instanceof HttpException)) return;
    const body = error.getResponse() as { reason?: { code?: string } };
    const cause = body.reason?.code ?? String(error.getStatus());
    if (cause === 'session_missing' || cause === 'session_idle' || cause === 'session_max_age') return;
    this.accessLog.record({
      event: 'request_refused', cause, from: request.ip, detail: route,
      ...(principal && { role: principal.role, subject: principal.subject }),
      via: request.headers.authorization ? 'bearer' : 'session',
    });
  }

  // A bearer token wins when both are sent: a script says exactly which identity it means.
  private authenticate(request: Request & Record<string, unknown>): Promise<Principal> {
    const header = request.headers.authorization;
    if (header) return this.bearer.authenticate(header);
    if (this.session.carriesSession(request)) return this.session.authenticate(request);
    throw new UnauthorizedException(refusal('session_missing'));
  }

  // Asked of the pool on every request, so a deactivation ends a still-valid token or session at once.
  private async requireActiveExpert(expertId: string): Promise<void> {
    const active = await this.experts.isActive(expertId);
    if (active === null) throw new UnauthorizedException({ code: SPECIFIC_ERROR_CODES.unknownExpert, ...refusal('unknown_expert', { expertId }) });
    if (!active) throw new UnauthorizedException({ code: SPECIFIC_ERROR_CODES.expertDeactivated, ...refusal('expert_deactivated', { expertId }) });
  }
}
