import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ArchiveConflictError } from './history-archive.errors';
import type { ArchivedHistory, HistoryArchive } from './history-archive.port';

interface ArchiveRow {
  case_id: string; workflow_id: string; run_id: string; workflow_type: string; close_status: string;
  history: Buffer; sha256: string; event_count: number;
}

/** The history archive in PostgreSQL's `workflow_history_archives`, which refuses UPDATE and DELETE. */
@Injectable()
export class PostgresHistoryArchive implements HistoryArchive {
  constructor(private readonly dataSource: DataSource) {}

  async store(entry: ArchivedHistory): Promise<void> {
    const inserted = await this.dataSource.query<unknown[]>(
      `INSERT INTO workflow_history_archives (case_id, workflow_id, run_id, workflow_type, close_status, history, sha256, event_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (workflow_id, run_id) DO NOTHING RETURNING 1`,
      [entry.caseId, entry.workflowId, entry.runId, entry.workflowType, entry.closeStatus, Buffer.from(entry.history), entry.sha256, entry.eventCount],
    );
    if (inserted.length > 0) return;
    const [archived] = await this.dataSource.query<Array<{ sha256: string }>>(
      'SELECT sha256 FROM workflow_history_archives WHERE workflow_id = $1 AND run_id = $2', [entry.workflowId, entry.runId],
    );
    if (archived.sha256 !== entry.sha256) throw new ArchiveConflictError(entry.workflowId, entry.runId, archived.sha256, entry.sha256);
  }

  async findByCase(caseId: string): Promise<ArchivedHistory[]> {
    const rows = await this.dataSource.query<ArchiveRow[]>(
      `SELECT case_id, workflow_id, run_id, workflow_type, close_status, history, sha256, event_count
         FROM workflow_history_archives WHERE case_id = $1 ORDER BY archived_at, workflow_id`, [caseId],
    );
    return rows.map((row) => ({
      caseId: row.case_id, workflowId: row.workflow_id, runId: row.run_id, workflowType: row.workflow_type, closeStatus: row.close_status,
      history: new Uint8Array(row.history), sha256: row.sha256, eventCount: row.event_count,
    }));
  }
}
