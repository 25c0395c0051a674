import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseCategory, SafetyRegion } from '../domain/case.vocabulary';
import type { ExpertSkill, UnavailablePeriod } from '../domain/expert-profile';
import type { NotificationLanguage } from '../domain/notifications/notification-kinds';

/** One row of the `experts` table: an expert in the brigade's pool and what they declared about themselves. */
@Entity({ name: 'experts' })
export class ExpertRow {
  @PrimaryColumn({ name: 'expert_id', type: 'uuid' }) expertId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  @Column({ type: 'text', array: true }) categories: CaseCategory[];
  @Column({ type: 'text', array: true }) skills: ExpertSkill[];
  /** Null only for an expert whose old free-text home matched no register entry: see unmappedHomeMunicipality. */
  @Column({ name: 'home_municipality_code', type: 'text', nullable: true }) homeMunicipalityCode: string | null;
  @Column({ name: 'unmapped_home_municipality', type: 'text', nullable: true }) unmappedHomeMunicipality: string | null;
  @Column({ name: 'safety_region', type: 'text' }) safetyRegion: SafetyRegion;
  @Column({ type: 'integer' }) capacity: number;
  @Column({ type: 'jsonb' }) unavailable: UnavailablePeriod[];
  @Column({ name: 'conflict_municipality_codes', type: 'text', array: true }) conflictMunicipalityCodes: string[];
  @Column({ name: 'unmapped_conflict_municipalities', type: 'text', array: true }) unmappedConflictMunicipalities: string[];
  @Column({ type: 'text', array: true }) languages: string[];
  /** The identity provider's subject that signs this expert in; null when their verified e-mail address does. */
  @Column({ name: 'identity_subject', type: 'text', nullable: true }) identitySubject: string | null;
  /** The language Brigade writes the expert's e-mails and text messages in. */
  @Column({ name: 'notification_language', type: 'text' }) notificationLanguage: NotificationLanguage;
  @Column({ type: 'boolean' }) active: boolean;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
