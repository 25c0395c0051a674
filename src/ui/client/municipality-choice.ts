import { MUNICIPALITIES } from '../../domain/places/municipalities.data';
import { isMunicipalityCode, municipalityCodeForName, safetyRegionOfMunicipality } from '../../domain/places/place-register';
import type { SafetyRegion } from '../../domain/case.vocabulary';

/** Every municipality of the register as the screens offer it: by official name, in Dutch alphabetical order. */
export const MUNICIPALITY_CHOICES: readonly { readonly code: string; readonly name: string }[] = [...MUNICIPALITIES]
  .map(({ code, name }) => ({ code, name }))
  .sort((a, b) => a.name.localeCompare(b.name, 'nl'));

/**
 * The code the API should get for what was typed or picked in a municipality field: the code of the register name it
 * spells, a code typed as such, or otherwise the text as typed, which the API refuses with a problem naming the field.
 */
export function municipalityCodeOfChoice(typed: string): string {
  const text = typed.trim();
  return municipalityCodeForName(text) ?? (isMunicipalityCode(text.toUpperCase()) ? text.toUpperCase() : typed);
}

/** The safety region of the municipality typed or picked, or null while it is not (yet) a register name. */
export function safetyRegionOfChoice(typed: string): SafetyRegion | null {
  const code = municipalityCodeOfChoice(typed);
  return isMunicipalityCode(code) ? safetyRegionOfMunicipality(code) : null;
}
