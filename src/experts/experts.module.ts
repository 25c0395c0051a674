import { Module } from '@nestjs/common';
import { ExpertDirectoryModule } from '../expert-directory/expert-directory.module';
import { ExpertsController } from './experts.controller';
import { ExpertRepository } from './expert.repository';
import { ExpertsService } from './experts.service';

/** The expert pool: its HTTP routes, and the directory that matching reads it through. */
@Module({
  imports: [ExpertDirectoryModule],
  controllers: [ExpertsController],
  providers: [ExpertsService, ExpertRepository],
  exports: [ExpertDirectoryModule, ExpertsService],
})
export class ExpertsModule {}
