import { Module } from '@nestjs/common';
import { ExpertInbox } from './expert-inbox';
import { ExpertInboxController } from './expert-inbox.controller';
import { FieldEncryptionModule } from '../field-encryption/field-encryption.module';
import { ReadModelModule } from '../read-model/read-model.module';

/** The expert inbox: `GET /me/offers`, `/me/tasks` and `/me/cases` for the calling expert. */
@Module({
  imports: [ReadModelModule, FieldEncryptionModule],
  controllers: [ExpertInboxController],
  providers: [ExpertInbox],
})
export class ExpertInboxModule {}
