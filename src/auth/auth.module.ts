import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { BrigadeConfig } from '../config/brigade-config';
import { ExpertDirectoryModule } from '../expert-directory/expert-directory.module';
import { TokenGuard } from './token-guard';
import { jwtOptionsFor, loadTokenKeys } from './token-keys';

/** Checks every request's bearer token and role through one global guard; routes opt in with `@Allow` or `@Public`. */
@Global()
@Module({
  imports: [
    ExpertDirectoryModule,
    JwtModule.registerAsync({
      inject: [BrigadeConfig],
      useFactory: (config: BrigadeConfig) => jwtOptionsFor(loadTokenKeys(config)),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: TokenGuard }],
})
export class AuthModule {}
