import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CaseCategory, SafetyRegion } from '../domain/case.vocabulary';
import type { ExpertProfile, ExpertSkill, UnavailablePeriod } from '../domain/expert-profile';
import { DESTROYED } from '../domain/sensitive-fields';
import type { ExpertDirectory, ExpertIdentity } from './expert-directory.port';

// Stages after which a case no longer takes up an expert's time.
const FINISHED_STAGES = ['Closed', 'Rejected', 'Cancelled'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A case counts for an expert while it is open and the expert is on its team; a case whose state has no team
// yet (or an older projection without the field) counts for nobody.
const PROFILES = `
  SELECT e.expert_id, e.name, e.categories, e.skills, e.home_municipality_code, e.safety_region, e.capacity,
         e.unavailable, e.conflict_municipality_codes, e.languages, e.active, workload.active_case_count
  FROM experts e
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS active_case_count
    FROM cases c
    WHERE c.stage <> ALL ($1::text[])
      AND COALESCE(c.state -> 'team', '[]'::jsonb) @> jsonb_build_array(jsonb_build_object('expertId', e.expert_id::text))
  ) workload`;

interface ProfileRecord {
  expert_id: string;
  name: string;
  categories: CaseCategory[];
  skills: ExpertSkill[];
  home_municipality_code: string | null;
  safety_region: SafetyRegion;
  capacity: number;
  unavailable: UnavailablePeriod[];
  conflict_municipality_codes: string[];
  languages: string[];
  active: boolean;
  active_case_count: number;
}

// Who an expert is for signing in: no workload, so no join.
const IDENTITY = 'SELECT expert_id, name, email, active, identity_subject FROM experts';

interface IdentityRecord {
  expert_id: string;
  name: string;
  email: string;
  active: boolean;
  identity_subject: string | null;
}

/** The expert directory read from the `experts` table, with workloads counted from the `cases` projection. */
@Injectable()
export class PostgresExpertDirectory implements ExpertDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async activeProfiles(): Promise<ExpertProfile[]> {
    const records: ProfileRecord[] = await this.dataSource.query(
      `${PROFILES} WHERE e.active ORDER BY e.name, e.expert_id`, [FINISHED_STAGES]);
    return records.map(toProfile);
  }

  async profile(expertId: string): Promise<ExpertProfile | null> {
    if (!UUID.test(expertId)) return null;
    const [record]: ProfileRecord[] = await this.dataSource.query(`${PROFILES} WHERE e.expert_id = $2`, [FINISHED_STAGES, expertId]);
    return record ? toProfile(record) : null;
  }

  async findSignInRecord(identitySubject: string, verifiedEmail: string | null): Promise<ExpertIdentity | null> {
    // A record linked by subject wins over one that only shares the e-mail address.
    const [record]: IdentityRecord[] = await this.dataSource.query(
      `${IDENTITY} WHERE identity_subject = $1 OR ($2::text IS NOT NULL AND lower(email) = lower($2::text))
       ORDER BY (identity_subject = $1) IS TRUE DESC LIMIT 1`,
      [identitySubject, verifiedEmail],
    );
    return record ? toIdentity(record) : null;
  }

  async isActive(expertId: string): Promise<boolean | null> {
    if (!UUID.test(expertId)) return null;
    const [record]: Array<{ active: boolean }> = await this.dataSource.query('SELECT active FROM experts WHERE expert_id = $1', [expertId]);
    return record ? record.active : null;
  }

  async erasePersonalDetails(expertId: string): Promise<boolean> {
    if (!UUID.test(expertId)) return false;
    // The e-mail column is required and unique: an address that reaches no one and is the expert's alone takes its place.
    const [{ count }]: Array<{ count: number }> = await this.dataSource.query(
      `WITH erased AS (
         UPDATE experts SET name = $2, email = $3, phone = NULL, identity_subject = NULL, notification_preferences = '{}'::jsonb,
                unavailable = '[]'::jsonb, conflict_municipality_codes = '{}', unmapped_conflict_municipalities = '{}', updated_at = now()
          WHERE expert_id = $1 AND NOT active RETURNING expert_id)
       SELECT count(*)::int AS count FROM erased`,
      [expertId, DESTROYED, `erased-${expertId}@erased.invalid`]);
    return count === 1;
  }

  async identityByEmail(email: string): Promise<ExpertIdentity | null> {
    // The pool's unique index is on lower(email), so this is one indexed read and finds at most one expert.
    const records: IdentityRecord[] = await this.dataSource.query(`${IDENTITY} WHERE lower(email) = lower($1)`, [email.trim()]);
    return records[0] ? toIdentity(records[0]) : null;
  }

  async identity(expertId: string): Promise<ExpertIdentity | null> {
    if (!UUID.test(expertId)) return null;
    const records: IdentityRecord[] = await this.dataSource.query(`${IDENTITY} WHERE expert_id = $1`, [expertId]);
    return records[0] ? toIdentity(records[0]) : null;
  }
}

function toIdentity(record: IdentityRecord): ExpertIdentity {
  return { expertId: record.expert_id, name: record.name, email: record.email, active: record.active, identitySubject: record.identity_subject };
}

function toProfile(record: ProfileRecord): ExpertProfile {
  return {
    expertId: record.expert_id,
    name: record.name,
    categories: record.categories,
    skills: record.skills,
    homeMunicipalityCode: record.home_municipality_code,
    safetyRegion: record.safety_region,
    capacity: record.capacity,
    activeCaseCount: record.active_case_count,
    unavailable: record.unavailable,
    conflictMunicipalityCodes: record.conflict_municipality_codes,
    languages: record.languages,
    active: record.active,
  };
}
