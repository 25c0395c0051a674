import { randomUUID } from 'node:crypto';

/** A valid `POST /experts` body with a unique e-mail address; fields can be overridden. */
export function anExpertBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = randomUUID();
  return {
    name: `Anouk de Vries ${id.slice(0, 8)}`,
    email: `anouk-${id}@vliegendebrigade.example`,
    phone: '+31 6 2000 1234',
    categories: ['CITIZEN_MEETING'],
    skills: ['mediation'],
    homeMunicipalityCode: 'GM0637',
    safetyRegion: 'haaglanden',
    capacity: 2,
    unavailable: [{ from: '2027-03-01T00:00:00+01:00', to: '2027-03-14T23:59:59+01:00' }],
    conflictMunicipalityCodes: ['GM0503'],
    languages: ['nl', 'en'],
    ...overrides,
  };
}
