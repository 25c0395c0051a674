import { Module } from '@nestjs/common';
import { RetentionStoreModule } from '../retention-store/retention-store.module';
import { RetentionListsController } from './retention-lists.controller';
import { RetentionListsService } from './retention-lists.service';

/** The daily review's destruction lists, decided through the review workflows (the Temporal module's door). */
@Module({
  imports: [RetentionStoreModule],
  controllers: [RetentionListsController],
  providers: [RetentionListsService],
})
export class RetentionListsModule {}
