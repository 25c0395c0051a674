import { Module } from '@nestjs/common';
import { EXPERT_DIRECTORY } from './expert-directory.port';
import { PostgresExpertDirectory } from './postgres-expert-directory';

/** The expert directory alone, without the pool's routes: for matching and for the token guard's check of an expert's standing. */
@Module({
  providers: [PostgresExpertDirectory, { provide: EXPERT_DIRECTORY, useExisting: PostgresExpertDirectory }],
  exports: [EXPERT_DIRECTORY],
})
export class ExpertDirectoryModule {}
