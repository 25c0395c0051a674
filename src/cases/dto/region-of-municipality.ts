import { ValidateBy, type ValidationArguments } from 'class-validator';
import { isMunicipalityCode, safetyRegionName, safetyRegionOfMunicipality } from '../../domain/places/place-register';
import { ownProblem } from '../../http/constraint-problems';
import { issue, type FieldIssue } from '../../http/field-issue';

/**
 * The problem of a safety region that does not match the body's municipality: it names the region that would, by its
 * name for people (`region`, "Noord- en Oost-Gelderland") and by the value to send (`regionCode`, its slug).
 */
export function regionProblem(body: object): FieldIssue {
  const code = (body as { municipalityCode?: unknown }).municipalityCode;
  if (!isMunicipalityCode(code)) return issue('wrong_region', { region: '', regionCode: '' });
  const slug = safetyRegionOfMunicipality(code);
  return issue('wrong_region', { region: safetyRegionName(slug), regionCode: slug });
}

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
      defaultMessage: ({ object }: ValidationArguments) => `$property must be ${String(regionProblem(object).params.regionCode)} or be left out`,
    },
  }, ownProblem(({ object }) => regionProblem(object)));
}
