import { Module } from '@nestjs/common';
import { EXPERT_DIRECTORY } from './expert-directory.port';
import { ExpertsController } from './experts.controller';
import { ExpertsService } from './experts.service';
import { PostgresExpertDirectory } from './postgres-expert-directory';

/** The expert pool: its HTTP routes, and the directory that matching reads it through. */
@Module({
  controllers: [ExpertsController],
  providers: [ExpertsService, PostgresExpertDirectory, { provide: EXPERT_DIRECTORY, useExisting: PostgresExpertDirectory }],
  exports: [EXPERT_DIRECTORY, ExpertsService],
})
export class ExpertsModule {}
