import { ValidateBy, type ValidationArguments } from 'class-validator';
import { isMunicipalityCode, safetyRegionOfMunicipality } from '../../domain/places/place-register';

/** Refuses a safety region that is not the one the body's `municipalityCode` belongs to. */
export function IsRegionOfMunicipality(): PropertyDecorator {
  return ValidateBy({
    name: 'isRegionOfMunicipality',
    validator: {
      // An unknown code is refused on its own field; the region is judged only against a municipality that exists.
      validate: (region: unknown, { object }: ValidationArguments) => {
        const code = (object as { municipalityCode?: unknown }).municipalityCode;
        return !isMunicipalityCode(code) || safetyRegionOfMunicipality(code) === region;
      },
      defaultMessage: ({ object }: ValidationArguments) => {
        const code = (object as { municipalityCode?: unknown }).municipalityCode;
        return `safetyRegion must be ${isMunicipalityCode(code) ? safetyRegionOfMunicipality(code) : 'the region of municipalityCode'}, the region of ${String(code)}, or be left out`;
      },
    },
  });
}
