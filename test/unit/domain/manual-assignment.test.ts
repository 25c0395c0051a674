import { weighAssignment } from '../../../src/domain/manual-assignment';
import type { ExpertProfile } from '../../../src/domain/expert-profile';

const UTRECHT = 'GM0344';
const AMERSFOORT = 'GM0307';

/** An expert from Amersfoort who covers incidents and has room; fields can be overridden. */
const anExpert = (overrides: Partial<ExpertProfile> = {}) => ({
  categories: ['INCIDENT'] as ExpertProfile['categories'], capacity: 2, activeCaseCount: 0,
  homeMunicipalityCode: AMERSFOORT, conflictMunicipalityCodes: [] as string[], ...overrides,
});
const anIncidentIn = (municipalityCode: string | null) => ({ category: 'INCIDENT' as const, municipalityCode });

describe('weighAssignment', () => {
  it('allows an expert who fits every rule, without warnings', () => {
    expect(weighAssignment(anExpert(), anIncidentIn(UTRECHT))).toEqual({ allowed: true, warnings: [] });
  });

  it.each([
    ['lives in the municipality', { homeMunicipalityCode: UTRECHT }, 'own_municipality'],
    ['declared a conflict with it', { conflictMunicipalityCodes: [UTRECHT] }, 'declared_conflict'],
  ] as const)('refuses an expert who %s, naming the conflict', (_why, overrides, conflict) => {
    expect(weighAssignment(anExpert(overrides), anIncidentIn(UTRECHT))).toEqual({ allowed: false, conflict });
  });

  it('allows a conflict on an override, keeping its reason and warning of it', () => {
    expect(weighAssignment(anExpert({ homeMunicipalityCode: UTRECHT }), anIncidentIn(UTRECHT), 'asked for by the mayor')).toEqual({
      allowed: true, warnings: ['conflict_overridden'], override: { conflict: 'own_municipality', reason: 'asked for by the mayor' },
    });
  });

  it('records no override where there is no conflict to set aside', () => {
    expect(weighAssignment(anExpert(), anIncidentIn(UTRECHT), 'just in case')).toEqual({ allowed: true, warnings: [] });
  });

  it('warns of a missing category and a full workload, but allows them', () => {
    expect(weighAssignment(anExpert({ categories: ['CITIZEN_MEETING'], capacity: 2, activeCaseCount: 2 }), anIncidentIn(UTRECHT)))
      .toEqual({ allowed: true, warnings: ['lacks_category', 'over_capacity'] });
  });

  it('finds no conflict for a case whose municipality is not in the register', () => {
    expect(weighAssignment(anExpert({ homeMunicipalityCode: UTRECHT }), anIncidentIn(null))).toEqual({ allowed: true, warnings: [] });
  });
});
