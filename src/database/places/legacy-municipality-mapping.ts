import { municipalityCodeForName } from '../../domain/places/place-register';

/** What became of an expert's old free-text municipalities: the codes they map to and the values that map to none. */
export interface MappedExpertPlaces {
  readonly homeMunicipalityCode: string | null;
  readonly unmappedHomeMunicipality: string | null;
  readonly conflictMunicipalityCodes: string[];
  readonly unmappedConflictMunicipalities: string[];
}

/** Maps an expert's home and conflict municipality names to register codes, keeping every name that does not map. */
export function mapExpertPlaces(homeMunicipality: string, conflictMunicipalities: readonly string[]): MappedExpertPlaces {
  const homeMunicipalityCode = municipalityCodeForName(homeMunicipality) ?? null;
  const conflictCodes = conflictMunicipalities.map((name) => municipalityCodeForName(name));
  return {
    homeMunicipalityCode,
    unmappedHomeMunicipality: homeMunicipalityCode === null ? homeMunicipality : null,
    conflictMunicipalityCodes: [...new Set(conflictCodes.filter((code): code is string => code !== undefined))],
    unmappedConflictMunicipalities: conflictMunicipalities.filter((_, index) => conflictCodes[index] === undefined),
  };
}
