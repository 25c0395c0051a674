import { Module } from '@nestjs/common';
import { HISTORY_ARCHIVE } from './history-archive.port';
import { PostgresHistoryArchive } from './postgres-history-archive';

/** Provides the history archive port, backed by PostgreSQL. */
@Module({
  providers: [{ provide: HISTORY_ARCHIVE, useClass: PostgresHistoryArchive }],
  exports: [HISTORY_ARCHIVE],
})
export class HistoryArchiveModule {}
