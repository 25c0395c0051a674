import type { SafetyRegion } from '../case.vocabulary';
import { MUNICIPALITIES } from './municipalities.data';
import type { MunicipalityRecord, SafetyRegionRecord } from './place-records';
import { SAFETY_REGION_RECORDS } from './safety-regions.data';

/** The shape of a CBS municipality code; the register decides whether one exists. */
export const MUNICIPALITY_CODE_PATTERN = /^GM\d{4}$/;

/** A municipality as answered over the API and shown on the screens: its code and its official name. */
export interface MunicipalityRef {
  readonly code: string;
  readonly name: string;
}

const BY_CODE = new Map(MUNICIPALITIES.map((municipality) => [municipality.code, municipality]));
const REGION_BY_CODE = new Map<string, SafetyRegionRecord>(SAFETY_REGION_RECORDS.map((region) => [region.code, region]));
const REGION_BY_SLUG = new Map<string, SafetyRegionRecord>(SAFETY_REGION_RECORDS.map((region) => [region.slug, region]));
const CODE_BY_NAME = new Map(MUNICIPALITIES.map((municipality) => [nameKey(municipality.name), municipality.code]));

/** The register's entry for a municipality code, or undefined when no municipality has that code. */
export function municipalityByCode(code: string): MunicipalityRecord | undefined {
  return BY_CODE.get(code);
}

/** Whether a value is the code of a municipality in the register. */
export function isMunicipalityCode(value: unknown): value is string {
  return typeof value === 'string' && BY_CODE.has(value);
}

/** The code and official name of a registered municipality; throws for a code that is not in the register. */
export function municipalityRef(code: string): MunicipalityRef {
  const municipality = BY_CODE.get(code);
  if (!municipality) throw new Error(`${code} is not a municipality in the register`);
  return { code: municipality.code, name: municipality.name };
}

/** The safety region (as Brigade's slug) that a registered municipality belongs to. */
export function safetyRegionOfMunicipality(code: string): SafetyRegion {
  const municipality = BY_CODE.get(code);
  const region = municipality && REGION_BY_CODE.get(municipality.safetyRegion);
  if (!region) throw new Error(`${code} is not a municipality in the register`);
  return region.slug as SafetyRegion;
}

/** How a safety region writes its own name ("Noord- en Oost-Gelderland"), the same in Dutch and English. */
export function safetyRegionName(slug: SafetyRegion): string {
  return REGION_BY_SLUG.get(slug)!.name;
}

/** The official VR code of a safety region slug. */
export function safetyRegionCode(slug: SafetyRegion): string {
  return REGION_BY_SLUG.get(slug)!.code;
}

/**
 * The code of the municipality whose official name this is, ignoring case, accents, spacing and the kind of
 * apostrophe; undefined when no name matches. Letters from other scripts are not folded: "Zutphеn" with a Cyrillic
 * "е" is not Zutphen, which is the look-alike this guards against.
 */
export function municipalityCodeForName(name: string): string | undefined {
  return CODE_BY_NAME.get(nameKey(name));
}

function nameKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ').trim().toLocaleLowerCase('nl');
}
