import { Module } from '@nestjs/common';
import { ExpertInbox } from './expert-inbox';
import { MeController } from './me.controller';

/** The expert inbox: `GET /me/offers`, `/me/tasks` and `/me/cases` for the calling expert. */
@Module({
  controllers: [MeController],
  providers: [ExpertInbox],
})
export class MeModule {}
