import { Module } from '@nestjs/common';
import { ExpertDirectoryModule } from '../expert-directory/expert-directory.module';
import { SignInController } from './sign-in.controller';
import { SignInFlow } from './sign-in-flow';
import { WhoAmIController } from './who-am-i.controller';

/** Signing in to the screens with OpenID Connect and out again, the session's own route, and who the caller is (`GET /me`). */
@Module({
  imports: [ExpertDirectoryModule],
  controllers: [WhoAmIController, SignInController],
  providers: [SignInFlow],
})
export class SessionModule {}
