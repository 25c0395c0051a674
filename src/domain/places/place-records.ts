/** The twelve Dutch provinces, as CBS names them. */
export const PROVINCES = [
  'Groningen', 'Fryslân', 'Drenthe', 'Overijssel', 'Flevoland', 'Gelderland', 'Utrecht', 'Noord-Holland', 'Zuid-Holland',
  'Zeeland', 'Noord-Brabant', 'Limburg',
] as const;
export type Province = (typeof PROVINCES)[number];

/** One municipality of the CBS register: its GM code, official name, province and safety region (VR code). */
export interface MunicipalityRecord {
  readonly code: string;
  readonly name: string;
  readonly province: Province;
  readonly safetyRegion: string;
}

/** One of the 25 safety regions: its official VR code, name, the slug Brigade has always stored, and its province. */
export interface SafetyRegionRecord {
  readonly code: string;
  readonly name: string;
  readonly slug: string;
  readonly province: Province;
}
