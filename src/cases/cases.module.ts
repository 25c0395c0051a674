import { Module } from '@nestjs/common';
import { EventStoreModule } from '../event-store/event-store.module';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

/** Support cases over HTTP: registration, triage, closure and their recorded history. */
@Module({
  imports: [EventStoreModule],
  controllers: [CasesController],
  providers: [CasesService],
})
export class CasesModule {}
