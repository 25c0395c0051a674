import { Module } from '@nestjs/common';
import { ExpertDirectoryModule } from '../expert-directory/expert-directory.module';
import { WhoAmIController } from './who-am-i.controller';

/** What a sign-in page needs from the API: who the caller is (`GET /me`) and, on a local machine, a token to begin with. */
@Module({
  imports: [ExpertDirectoryModule],
  controllers: [WhoAmIController],
})
export class SessionModule {}
