import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiErrorResponses } from '../http/api-error-responses';
import { ErrorBody } from '../http/error-body';
import { Public } from './allow.decorator';
import { LocalTokenDto } from './dto/local-token.dto';
import { LocalSignIn } from './local-sign-in';
import type { IssuedToken } from './token-issuer';

/** The answer of `GET /auth/local-sign-in`. */
export class LocalSignInStatusBody {
  @ApiProperty({ description: 'Whether POST /auth/local-token hands out tokens (BRIGADE_LOCAL_SIGN_IN).', example: true })
  readonly enabled!: boolean;
}

/** The answer of `POST /auth/local-token`. */
export class IssuedTokenBody implements IssuedToken {
  @ApiProperty({ description: 'A bearer token for the Authorization header.' }) readonly token!: string;
  @ApiProperty({ format: 'date-time', description: 'When the token stops being valid.' }) readonly expiresAt!: string;
}

/** Local sign-in for the browser screens: the token command's job, for a machine where anyone at the keyboard may act. */
@ApiTags('auth')
@Public()
@Controller('auth')
export class LocalSignInController {
  constructor(private readonly localSignIn: LocalSignIn) {}

  @Get('local-sign-in')
  @ApiOperation({ summary: 'Whether the sign-in page may generate tokens itself', description: 'Public: no token needed.' })
  @ApiOkResponse({ type: LocalSignInStatusBody, description: 'On by default only with the generated local secret.' })
  status(): LocalSignInStatusBody {
    return { enabled: this.localSignIn.enabled };
  }

  @Post('local-token')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Generate a token for a role and subject (local machines only)',
    description: 'Public: no token needed. Answers 403 unless BRIGADE_LOCAL_SIGN_IN is on.',
  })
  @ApiOkResponse({ type: IssuedTokenBody, description: 'A token signed with this process’s keys.' })
  @ApiErrorResponses({ 400: 'An unknown role, or a subject that does not fit the role.' })
  @ApiForbiddenResponse({
    type: ErrorBody,
    description: 'Local sign-in is turned off, the Host is not localhost, 127.0.0.1 or [::1] at the listening port, an Origin other than the server\'s own is present, '
      + 'or the subject is an expert who is not in the pool (code unknown_expert) or has been deactivated (code expert_deactivated).',
  })
  issue(@Body() dto: LocalTokenDto, @Req() request: Request): Promise<IssuedToken> {
    return this.localSignIn.issue({ role: dto.role, subject: dto.subject }, request);
  }
}
