import { Module } from '@nestjs/common';
import { ExpertInbox } from './expert-inbox';
import { ExpertInboxController } from './expert-inbox.controller';

/** The expert inbox: `GET /me/offers`, `/me/tasks` and `/me/cases` for the calling expert. */
@Module({
  controllers: [ExpertInboxController],
  providers: [ExpertInbox],
})
export class ExpertInboxModule {}
