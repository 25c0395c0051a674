import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { BrigadeConfig } from '../config/brigade-config';
import { ExpertDirectoryModule } from '../expert-directory/expert-directory.module';
import { AccessGuard } from './access-guard';
import { AccessLog } from '../access-log/access-log';
import { BearerAuthenticator } from './bearer-authenticator';
import { OidcRelyingParty } from './oidc-relying-party';
import { PostgresWebSessionStore } from './postgres-web-session-store';
import { SessionAuthenticator } from './session-authenticator';
import { jwtOptionsFor, loadTokenKeys } from './token-keys';
import { WEB_SESSION_STORE } from './web-session-store.port';
import { WebSessions } from './web-sessions';

/**
 * Who is calling, through one global guard: a bearer token or the screens' session; routes opt in with `@Allow` or
 * `@Public`. Also the relying party, the sessions and the access log, which the sign-in routes and deactivation use.
 */
@Global()
@Module({
  imports: [
    ExpertDirectoryModule,
    JwtModule.registerAsync({
      inject: [BrigadeConfig],
      useFactory: (config: BrigadeConfig) => jwtOptionsFor(loadTokenKeys(config)),
    }),
  ],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: WEB_SESSION_STORE, useClass: PostgresWebSessionStore },
    AccessLog, BearerAuthenticator, OidcRelyingParty, SessionAuthenticator, WebSessions,
  ],
  exports: [AccessLog, OidcRelyingParty, WebSessions, WEB_SESSION_STORE],
})
export class AuthModule {}
