import type { CaseCategory, SafetyRegion } from '../domain/case.vocabulary';
import { municipalityByCode, type MunicipalityRef } from '../domain/places/place-register';
import type { ExpertSkill, UnavailablePeriod } from '../domain/expert-profile';
import type { NotificationLanguage } from '../domain/notifications/notification-kinds';
import type { CreateExpertDto } from './dto/create-expert.dto';
import type { UpdateExpertDto } from './dto/update-expert.dto';
import type { ExpertRow } from '../database/expert.row';

/** An expert as the API shows it. */
export interface ExpertView {
  readonly expertId: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string | null;
  readonly categories: readonly CaseCategory[];
  readonly skills: readonly ExpertSkill[];
  /** Null only while an old free-text home that matched no register entry awaits a fix. */
  readonly homeMunicipality: MunicipalityRef | null;
  /** The old free-text home that matched no register entry, kept for the coordinator to fix. */
  readonly unmappedHomeMunicipality: string | null;
  readonly safetyRegion: SafetyRegion;
  readonly capacity: number;
  readonly unavailable: readonly UnavailablePeriod[];
  readonly conflictMunicipalities: readonly MunicipalityRef[];
  /** Old free-text conflicts that matched no register entry, kept for the coordinator to fix. */
  readonly unmappedConflictMunicipalities: readonly string[];
  readonly languages: readonly string[];
  /** The language of the expert's e-mails and text messages. */
  readonly notificationLanguage: NotificationLanguage;
  /** The identity provider's subject that signs the expert in; null when their verified e-mail address does. */
  readonly identitySubject: string | null;
  readonly active: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The columns an expert is written with; the database sets the timestamps. */
export type ExpertFields = Omit<ExpertRow, 'expertId' | 'createdAt' | 'updatedAt' | 'active'>;

/** The languages of an expert who declares none. */
export const DEFAULT_LANGUAGES: readonly string[] = ['nl'];

/** Turns a stored row into the API's view of an expert. */
export function toExpertView(row: ExpertRow): ExpertView {
  return {
    expertId: row.expertId,
    name: row.name,
    email: row.email,
    phone: row.phone,
    categories: row.categories,
    skills: row.skills,
    homeMunicipality: row.homeMunicipalityCode === null ? null : refOf(row.homeMunicipalityCode),
    unmappedHomeMunicipality: row.unmappedHomeMunicipality,
    safetyRegion: row.safetyRegion,
    capacity: row.capacity,
    unavailable: row.unavailable,
    conflictMunicipalities: row.conflictMunicipalityCodes.map(refOf),
    unmappedConflictMunicipalities: row.unmappedConflictMunicipalities,
    languages: row.languages,
    notificationLanguage: row.notificationLanguage,
    identitySubject: row.identitySubject,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The columns of a new expert, from a validated creation body, with the defaults for what it left out. */
export function newExpertFields(dto: CreateExpertDto): ExpertFields {
  return {
    name: dto.name.trim(),
    email: dto.email.trim(),
    phone: dto.phone?.trim() || null,
    categories: [...dto.categories],
    skills: [...(dto.skills ?? [])],
    homeMunicipalityCode: dto.homeMunicipalityCode,
    unmappedHomeMunicipality: null,
    safetyRegion: dto.safetyRegion,
    capacity: dto.capacity,
    unavailable: periods(dto.unavailable ?? []),
    conflictMunicipalityCodes: [...new Set(dto.conflictMunicipalityCodes ?? [])],
    unmappedConflictMunicipalities: [],
    languages: [...(dto.languages ?? DEFAULT_LANGUAGES)],
    notificationLanguage: dto.notificationLanguage ?? 'nl',
    identitySubject: null,
  };
}

/** The columns a validated update body changes; absent fields stay as they are, and a null phone clears it. */
export function changedExpertFields(dto: UpdateExpertDto): Partial<ExpertFields> {
  return {
    ...(dto.name !== undefined && { name: dto.name.trim() }),
    ...(dto.email !== undefined && { email: dto.email.trim() }),
    ...(dto.identitySubject !== undefined && { identitySubject: dto.identitySubject }),
    ...(dto.phone !== undefined && { phone: dto.phone?.trim() || null }),
    ...(dto.categories !== undefined && { categories: [...dto.categories] }),
    ...(dto.skills !== undefined && { skills: [...dto.skills] }),
    // Setting a code is the manual fix of an unmapped old value, so the old value goes.
    ...(dto.homeMunicipalityCode !== undefined && { homeMunicipalityCode: dto.homeMunicipalityCode, unmappedHomeMunicipality: null }),
    ...(dto.safetyRegion !== undefined && { safetyRegion: dto.safetyRegion }),
    ...(dto.capacity !== undefined && { capacity: dto.capacity }),
    ...(dto.unavailable !== undefined && { unavailable: periods(dto.unavailable) }),
    ...(dto.conflictMunicipalityCodes !== undefined
      && { conflictMunicipalityCodes: [...new Set(dto.conflictMunicipalityCodes)], unmappedConflictMunicipalities: [] }),
    ...(dto.languages !== undefined && { languages: [...dto.languages] }),
    ...(dto.notificationLanguage !== undefined && { notificationLanguage: dto.notificationLanguage }),
  };
}

// Stored as plain objects so that jsonb holds exactly {from, to} and nothing a DTO instance carries along.
function periods(list: readonly UnavailablePeriod[]): UnavailablePeriod[] {
  return list.map(({ from, to }) => ({ from, to }));
}

// A code that a later register update dropped (a merged municipality) still shows, by its code, until someone fixes it.
function refOf(code: string): MunicipalityRef {
  return { code, name: municipalityByCode(code)?.name ?? code };
}
