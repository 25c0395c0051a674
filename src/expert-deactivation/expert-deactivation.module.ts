import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ExpertsModule } from '../experts/experts.module';
import { ExpertDeactivationController } from './expert-deactivation.controller';
import { ExpertDeactivation } from './expert-deactivation.service';
import { ReadModelModule } from '../read-model/read-model.module';

/** Deactivation of an expert, which reaches from the pool into every open case they take part in. */
@Module({
  imports: [ExpertsModule, CasesModule, ReadModelModule],
  controllers: [ExpertDeactivationController],
  providers: [ExpertDeactivation],
})
export class ExpertDeactivationModule {}
