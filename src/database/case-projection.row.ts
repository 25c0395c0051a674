import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseState } from '../domain/case.state';

/** One row of the `cases` read model, kept in step with the event log inside each append. */
@Entity({ name: 'cases' })
export class CaseProjectionRow {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'text' }) stage: string;
  @Column({ name: 'risk_level', type: 'text', nullable: true }) riskLevel: string | null;
  @Column({ type: 'text' }) category: string;
  /** The municipality's name, for display. */
  @Column({ type: 'text' }) municipality: string;
  /** Its CBS code: what lists filter on. Null only for an old case whose name matched no register entry. */
  @Column({ name: 'municipality_code', type: 'text', nullable: true }) municipalityCode: string | null;
  @Column({ name: 'safety_region', type: 'text' }) safetyRegion: string;
  @Column({ type: 'jsonb' }) state: CaseState;
  @Column({ name: 'last_hash', type: 'char', length: 64 }) lastHash: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
