import { Module } from '@nestjs/common';
import { CASE_READ_MODEL } from './case-read-model.port';
import { PostgresCaseReadModel } from './postgres-case-read-model';

/** Provides the case read model port, backed by PostgreSQL. */
@Module({
  providers: [PostgresCaseReadModel, { provide: CASE_READ_MODEL, useExisting: PostgresCaseReadModel }],
  exports: [CASE_READ_MODEL],
})
export class ReadModelModule {}
