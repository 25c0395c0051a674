import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { BrigadeConfig } from '../config/brigade-config';
import { USER_ROLES, type UserRole } from '../domain/user-role';
import { Allow, Public } from './allow.decorator';
import { CurrentPrincipal } from './current-principal.decorator';
import type { Principal } from './principal';
import { sessionOf } from './session-authenticator';
import { clearCookie, readCookie, sessionCookieNames, type SessionCookieNames } from './session-cookies';
import { SignInFlow } from './sign-in-flow';
import { WebSessions } from './web-sessions';
import { AccessLog } from '../access-log/access-log';
import { OidcRelyingParty } from './oidc-relying-party';

/** The answer of `GET /auth/session`: who is signed in, the token their changes must carry, and when the session ends. */
export class SessionBody {
  @ApiProperty({ example: 'demo-coordinator' }) readonly subject!: string;
  @ApiProperty({ enum: USER_ROLES }) readonly role!: UserRole;
  @ApiProperty({ type: String, nullable: true, example: 'Demo Coördinator' }) readonly displayName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Send as X-CSRF-Token on every POST, PATCH, PUT and DELETE; null for a bearer token.' })
  readonly csrfToken!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the session ends without a request of the person.' })
  readonly idleExpiresAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the session ends however active.' })
  readonly absoluteExpiresAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) readonly idleTimeoutSeconds!: number | null;
}

/** The answer of `POST /auth/logout`: where the browser goes to end the session at the provider as well. */
export class SignedOutBody {
  @ApiProperty({ example: 'http://127.0.0.1:3000/oidc/session/end?id_token_hint=…' }) readonly redirectTo!: string;
}

/** Signing in to the screens with OpenID Connect, and out again; the server holds the tokens, the browser a cookie. */
@ApiTags('sign-in')
@Controller('auth')
export class SignInController {
  private readonly cookies: SessionCookieNames;

  constructor(
    private readonly config: BrigadeConfig,
    private readonly flow: SignInFlow,
    private readonly sessions: WebSessions,
    private readonly relyingParty: OidcRelyingParty,
    private readonly accessLog: AccessLog,
  ) {
    this.cookies = sessionCookieNames(config.publicUrl);
  }

  @Get('login')
  @Public()
  @ApiOperation({ summary: 'Starts signing in to the screens: sends the browser to the identity provider (code flow with PKCE)' })
  @ApiQuery({ name: 'next', required: false, description: 'The screen to open afterwards, a path under /ui/.' })
  @ApiResponse({ status: 303, description: 'To the identity provider, or first to Brigade\'s public URL.' })
  @ApiResponse({ status: 503, description: 'The identity provider cannot be reached (an HTML page).' })
  async login(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.flow.begin(request, response);
  }

  @Get('callback')
  @Public()
  @ApiOperation({ summary: 'Where the identity provider sends the browser back: checks the answer and opens a session' })
  @ApiQuery({ name: 'code', required: false }) @ApiQuery({ name: 'state', required: false })
  @ApiQuery({ name: 'error', required: false }) @ApiQuery({ name: 'error_description', required: false })
  @ApiResponse({ status: 303, description: 'Signed in: the session cookie is set, on to the screen asked for.' })
  @ApiResponse({ status: 400, description: 'The attempt is unknown, used, expired or does not match (an HTML page).' })
  @ApiResponse({ status: 403, description: 'The person may not use Brigade, or signed in too weakly (an HTML page that says why).' })
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.flow.complete(request, response);
  }

  @Get('session')
  @Allow('coordinator', 'expert', 'auditor')
  @ApiOperation({ summary: 'The signed-in session of the screens: who, the CSRF token, and when it ends' })
  @ApiOkResponse({ type: SessionBody })
  current(
    @CurrentPrincipal() principal: Principal, @Req() request: Request & Record<string, unknown>, @Res({ passthrough: true }) response: Response,
  ): SessionBody {
    // The answer holds the CSRF token: no cache may keep it.
    response.setHeader('Cache-Control', 'no-store');
    const session = sessionOf(request);
    return {
      subject: principal.subject,
      role: principal.role,
      displayName: principal.displayName ?? null,
      csrfToken: session?.csrfToken ?? null,
      idleExpiresAt: session?.idleExpiresAt.toISOString() ?? null,
      absoluteExpiresAt: session?.absoluteExpiresAt.toISOString() ?? null,
      idleTimeoutSeconds: session ? this.config.session.idleTimeoutMs / 1000 : null,
    };
  }

  @Post('logout')
  @Allow('coordinator', 'expert', 'auditor')
  @ApiOperation({ summary: 'Signs out: ends the session here and answers where the provider ends its own' })
  @ApiOkResponse({ type: SignedOutBody })
  async logout(@Req() request: Request & Record<string, unknown>, @Res({ passthrough: true }) response: Response): Promise<SignedOutBody> {
    const sessionId = readCookie(request, this.cookies.session);
    const ended = sessionId === undefined ? null : await this.sessions.end(sessionId);
    clearCookie(response, this.config.publicUrl, this.cookies.session);
    response.setHeader('Cache-Control', 'no-store');
    if (!ended) return { redirectTo: this.relyingParty.postLogoutRedirectUri };
    this.accessLog.record({ event: 'sign_out', role: ended.role, subject: ended.subject, identitySubject: ended.identitySubject, from: request.ip });
    return { redirectTo: await this.relyingParty.endSessionUrl(ended.idToken).catch(() => this.relyingParty.postLogoutRedirectUri) };
  }
}
