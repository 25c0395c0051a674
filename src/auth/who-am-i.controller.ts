import { Controller, Get, Headers, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import { JwtService } from '@nestjs/jwt';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { EXPERT_DIRECTORY, type ExpertDirectory } from '../expert-directory/expert-directory.port';
import { Allow } from './allow.decorator';
import { CurrentPrincipal } from './current-principal.decorator';
import type { Principal } from './principal';
import { sessionOf } from './session-authenticator';
import { USER_ROLES, type UserRole } from '../domain/user-role';

/** The answer of `GET /me`: who the token or session says the caller is, and until when. */
export class WhoAmIBody {
  @ApiProperty({ description: "A login name, or an expert's expert id.", example: 'c.jansen' }) readonly subject!: string;
  @ApiProperty({ enum: USER_ROLES, description: 'The role the token carries.' }) readonly role!: UserRole;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the token stops being valid; null for a token without expiry.' })
  readonly expiresAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "For an expert, their name in the expert pool; null for the other roles.", example: 'Anouk de Vries' })
  readonly displayName!: string | null;
}

// The token is already verified by the guard by the time the handler runs; decoding it here only reads its expiry.
const decoder = new JwtService();

/** `GET /me`: who the caller is, by token or session, for scripts and the screens' header. */
@ApiTags('me')
@Controller('me')
export class WhoAmIController {
  constructor(@Inject(EXPERT_DIRECTORY) private readonly experts: ExpertDirectory) {}

  @Get()
  @Allow('coordinator', 'expert', 'auditor')
  @ApiOperation({ summary: 'Who I am: the subject, role and expiry of my token' })
  @ApiOkResponse({ type: WhoAmIBody, description: 'The caller, as the verified token names them.' })
  async whoAmI(
    @CurrentPrincipal() principal: Principal, @Headers('authorization') authorization: string | undefined, @Req() request: Request & Record<string, unknown>,
  ): Promise<WhoAmIBody> {
    // A session ends at its absolute deadline; a token at its exp.
    const session = sessionOf(request);
    const exp = session ? session.absoluteExpiresAt.getTime() / 1000 : decoder.decode<{ exp?: number } | null>((authorization ?? '').replace(/^Bearer +/i, ''))?.exp;
    // An expert's subject is an id nobody recognises on screen; the pool knows the name that goes with it.
    const expert = principal.role === 'expert' ? await this.experts.profile(principal.subject) : null;
    return {
      subject: principal.subject, role: principal.role, expiresAt: typeof exp === 'number' ? new Date(exp * 1000).toISOString() : null,
      displayName: expert?.name ?? principal.displayName ?? null,
    };
  }
}
