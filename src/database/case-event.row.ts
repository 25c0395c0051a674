import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of the append-only `case_events` table. */
@Entity({ name: 'case_events' })
export class CaseEventRow {
  @PrimaryColumn({ type: 'bigint' }) position: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'text' }) type: string;
  @Column({ name: 'schema_version', type: 'integer' }) schemaVersion: number;
  @Column({ type: 'jsonb' }) data: unknown;
  @Column({ name: 'actor_role', type: 'text' }) actorRole: string;
  @Column({ name: 'actor_id', type: 'text' }) actorId: string;
  @Column({ name: 'actor_name', type: 'text', nullable: true }) actorName: string | null;
  @Column({ name: 'actor_via', type: 'text', nullable: true }) actorVia: 'provider' | null;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
  @Column({ name: 'workflow_id', type: 'text', nullable: true }) workflowId: string | null;
  @Column({ name: 'run_id', type: 'text', nullable: true }) runId: string | null;
  @Column({ name: 'activity_id', type: 'text', nullable: true }) activityId: string | null;
  @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey: string;
  @Column({ name: 'prev_hash', type: 'char', length: 64 }) prevHash: string;
  @Column({ type: 'char', length: 64 }) hash: string;
}
