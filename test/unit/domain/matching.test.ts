import type { ExpertProfile } from '../../../src/domain/expert-profile';
import { ineligibility, rankCandidates, type MatchCriteria } from '../../../src/domain/matching';

const ZOETERMEER = 'GM0637';
const DELFT = 'GM0503';

/** An active expert from elsewhere in the country (Utrecht) who covers shelter cases and has room for more work. */
function anExpert(overrides: Partial<ExpertProfile> = {}): ExpertProfile {
  return {
    expertId: 'expert-anouk',
    name: 'Anouk de Vries',
    categories: ['SHELTER_SUPPORT', 'CITIZEN_MEETING'],
    skills: [],
    homeMunicipalityCode: 'GM0344',
    safetyRegion: 'utrecht',
    capacity: 2,
    activeCaseCount: 0,
    unavailable: [],
    conflictMunicipalityCodes: [],
    languages: ['nl'],
    active: true,
    ...overrides,
  };
}

/** A shelter case in Zoetermeer (Haaglanden), two weeks before its council meeting. */
function aCase(overrides: Partial<MatchCriteria> = {}): MatchCriteria {
  return {
    category: 'SHELTER_SUPPORT',
    riskLevel: 'MEDIUM',
    municipalityCode: ZOETERMEER,
    safetyRegion: 'haaglanden',
    requiredSkills: ['stakeholderEngagement', 'communication'],
    eventDate: '2027-01-20T19:00:00.000Z',
    now: '2027-01-06T09:00:00.000Z',
    excludeExpertIds: [],
    ...overrides,
  };
}

const UNAVAILABLE = 'unavailable before the event';

describe('ineligibility', () => {
  describe('given an active expert who covers the category, lives elsewhere, has room and is available', () => {
    it('finds no reason not to offer the case', () => {
      const sut = ineligibility(anExpert(), aCase());
      expect(sut).toBeNull();
    });
  });

  describe('given an expert who is no longer active', () => {
    it('is never offered the case', () => {
      const sut = ineligibility(anExpert({ active: false }), aCase());
      expect(sut).toBe('inactive');
    });
  });

  describe('given an expert who was already asked or is already on the team', () => {
    it('is not asked again', () => {
      const sut = ineligibility(anExpert({ expertId: 'expert-bram' }), aCase({ excludeExpertIds: ['expert-anouk', 'expert-bram'] }));
      expect(sut).toBe('already asked or on the team');
    });

    it('does not hold back other experts', () => {
      const sut = ineligibility(anExpert({ expertId: 'expert-carla' }), aCase({ excludeExpertIds: ['expert-anouk', 'expert-bram'] }));
      expect(sut).toBeNull();
    });
  });

  describe('given an expert who does not cover the category', () => {
    it('is never offered the case, and the category is named', () => {
      const sut = ineligibility(anExpert({ categories: ['CITIZEN_MEETING', 'INCIDENT'] }), aCase({ category: 'THREAT_TO_OFFICIAL' }));
      expect(sut).toBe('does not cover THREAT_TO_OFFICIAL');
    });
  });

  describe('given an expert who lives in the requesting municipality', () => {
    it('is never offered the case: Zutphen (GM0301) for a case from GM0301', () => {
      const sut = ineligibility(
        anExpert({ homeMunicipalityCode: 'GM0301', safetyRegion: 'noord-en-oost-gelderland' }),
        aCase({ municipalityCode: 'GM0301', safetyRegion: 'noord-en-oost-gelderland' }),
      );
      expect(sut).toBe('lives and works in the requesting municipality');
    });
  });

  describe('given a case from before the register whose municipality name matched no entry', () => {
    it('is offered to no one, because a conflict of interest cannot be ruled out', () => {
      const sut = ineligibility(anExpert(), aCase({ municipalityCode: null }));
      expect(sut).toBe('the requesting municipality is not in the register');
    });
  });

  describe('given an expert whose old home municipality matched no register entry', () => {
    it('is offered nothing until the coordinator fixes it', () => {
      const sut = ineligibility(anExpert({ homeMunicipalityCode: null }), aCase());
      expect(sut).toBe('home municipality not in the register');
    });
  });

  describe('given an expert who lives in a neighbouring municipality', () => {
    it('can be offered the case', () => {
      const sut = ineligibility(anExpert({ homeMunicipalityCode: 'GM0638', safetyRegion: 'hollands-midden' }), aCase());
      expect(sut).toBeNull();
    });
  });

  describe('given an expert who declared a conflict of interest with the requesting municipality', () => {
    it('is never offered the case', () => {
      const sut = ineligibility(anExpert({ conflictMunicipalityCodes: [DELFT, ZOETERMEER] }), aCase());
      expect(sut).toBe('declared a conflict of interest');
    });

    it('can still be offered cases from other municipalities', () => {
      const sut = ineligibility(anExpert({ conflictMunicipalityCodes: [DELFT] }), aCase());
      expect(sut).toBeNull();
    });
  });

  describe('given an expert at capacity', () => {
    it.each([
      [2, 2, 'at capacity (2/2)'],
      [2, 3, 'at capacity (3/2)'],
      [0, 0, 'at capacity (0/0)'],
    ])('with capacity %i and %i active cases is not offered the case', (capacity, activeCaseCount, reason) => {
      const sut = ineligibility(anExpert({ capacity, activeCaseCount }), aCase());
      expect(sut).toBe(reason);
    });

    it('can be offered the case again once one place is free', () => {
      const sut = ineligibility(anExpert({ capacity: 2, activeCaseCount: 1 }), aCase());
      expect(sut).toBeNull();
    });
  });

  describe('given an expert with an unavailable period and a case with an event date', () => {
    // The case: now is 2027-01-06T09:00Z, the event is 2027-01-20T19:00Z.
    it.each([
      ['covers the event', '2027-01-19', '2027-01-21'],
      ['lies between now and the event', '2027-01-10T08:00:00.000Z', '2027-01-12T17:00:00.000Z'],
      ['started before now and is still running', '2027-01-01', '2027-01-07'],
      ['starts exactly at the event', '2027-01-20T19:00:00.000Z', '2027-01-25T00:00:00.000Z'],
      ['ends exactly now', '2027-01-01T00:00:00.000Z', '2027-01-06T09:00:00.000Z'],
      ['starts on the event day, as a date', '2027-01-20', '2027-01-20'],
    ])('is not offered the case when the period %s', (_how, from, to) => {
      const sut = ineligibility(anExpert({ unavailable: [{ from, to }] }), aCase());
      expect(sut).toBe(UNAVAILABLE);
    });

    it.each([
      ['ended before now', '2026-12-20', '2027-01-05'],
      ['ends a moment before now', '2027-01-01T00:00:00.000Z', '2027-01-06T08:59:59.999Z'],
      ['starts a moment after the event', '2027-01-20T19:00:00.001Z', '2027-01-25T00:00:00.000Z'],
      ['starts the day after the event, as a date', '2027-01-21', '2027-02-01'],
    ])('can be offered the case when the period %s', (_how, from, to) => {
      const sut = ineligibility(anExpert({ unavailable: [{ from, to }] }), aCase());
      expect(sut).toBeNull();
    });

    it('is not offered the case when any one of several periods overlaps', () => {
      const unavailable = [{ from: '2026-12-01', to: '2026-12-31' }, { from: '2027-01-15', to: '2027-01-16' }, { from: '2027-03-01', to: '2027-03-14' }];
      const sut = ineligibility(anExpert({ unavailable }), aCase());
      expect(sut).toBe(UNAVAILABLE);
    });
  });

  describe('given an unavailable period whose end is a date without a time', () => {
    it('counts the whole of that day, so an expert away until today is not offered the case this morning', () => {
      const sut = ineligibility(anExpert({ unavailable: [{ from: '2027-01-01', to: '2027-01-06' }] }), aCase({ now: '2027-01-06T09:00:00.000Z' }));
      expect(sut).toBe(UNAVAILABLE);
    });

    it('counts the day up to its last millisecond', () => {
      const sut = ineligibility(anExpert({ unavailable: [{ from: '2027-01-01', to: '2027-01-06' }] }), aCase({ now: '2027-01-06T23:59:59.999Z' }));
      expect(sut).toBe(UNAVAILABLE);
    });

    it('frees the expert at the start of the next day', () => {
      const sut = ineligibility(anExpert({ unavailable: [{ from: '2027-01-01', to: '2027-01-06' }] }), aCase({ now: '2027-01-07T00:00:00.000Z' }));
      expect(sut).toBeNull();
    });

    it('reads an end with a time as that exact moment, not the whole day', () => {
      const sut = ineligibility(anExpert({ unavailable: [{ from: '2027-01-01', to: '2027-01-06T00:00:00.000Z' }] }), aCase({ now: '2027-01-06T09:00:00.000Z' }));
      expect(sut).toBeNull();
    });
  });

  describe('given a case without an event date', () => {
    // The window is [now, now + 30 days] = [2027-01-06T09:00Z, 2027-02-05T09:00Z].
    const undated = (): MatchCriteria => aCase({ eventDate: null });

    it('is not offered to an expert who is away within the next 30 days', () => {
      const sut = ineligibility(anExpert({ unavailable: [{ from: '2027-02-01', to: '2027-02-14' }] }), undated());
      expect(sut).toBe(UNAVAILABLE);
    });

    it('is not offered to an expert whose absence starts exactly 30 days from now', () => {
      const sut = ineligibility(anExpert({ unavailable: [{ from: '2027-02-05T09:00:00.000Z', to: '2027-02-14' }] }), undated());
      expect(sut).toBe(UNAVAILABLE);
    });

    it('is offered to an expert whose absence starts just after the 30 days', () => {
      const sut = ineligibility(anExpert({ unavailable: [{ from: '2027-02-05T09:00:00.001Z', to: '2027-02-14' }] }), undated());
      expect(sut).toBeNull();
    });

    it('looks 30 days ahead even when a dated case would look less far', () => {
      const expert = anExpert({ unavailable: [{ from: '2027-01-25', to: '2027-01-26' }] });
      expect(ineligibility(expert, aCase({ eventDate: '2027-01-20T19:00:00.000Z' }))).toBeNull();
      expect(ineligibility(expert, undated())).toBe(UNAVAILABLE);
    });
  });

  describe('given a case whose event date is a date without a time', () => {
    it('is not offered to an expert who is away during the evening of the event', () => {
      const expert = anExpert({ unavailable: [{ from: '2027-01-20T18:00:00.000Z', to: '2027-01-20T23:00:00.000Z' }] });
      const sut = ineligibility(expert, aCase({ eventDate: '2027-01-20' }));
      expect(sut).toBe(UNAVAILABLE);
    });
  });
});

describe('rankCandidates', () => {
  describe('given an empty pool', () => {
    it('has no candidates', () => {
      expect(rankCandidates([], aCase())).toEqual([]);
    });
  });

  describe('given a pool with ineligible experts', () => {
    it('leaves out everyone who may not be offered the case', () => {
      const pool = [
        anExpert({ expertId: 'expert-inactive', active: false }),
        anExpert({ expertId: 'expert-home', homeMunicipalityCode: ZOETERMEER }),
        anExpert({ expertId: 'expert-eligible' }),
        anExpert({ expertId: 'expert-busy', activeCaseCount: 2 }),
        anExpert({ expertId: 'expert-asked' }),
      ];
      const sut = rankCandidates(pool, aCase({ excludeExpertIds: ['expert-asked'] }));
      expect(sut.map((c) => c.expertId)).toEqual(['expert-eligible']);
    });
  });

  describe('given an expert with every advantage', () => {
    it('scores the skills, the region and the free capacity, and says why', () => {
      const expert = anExpert({ skills: ['communication', 'legal', 'stakeholderEngagement'], safetyRegion: 'haaglanden', homeMunicipalityCode: DELFT });
      const sut = rankCandidates([expert], aCase());
      expect(sut).toEqual([{
        expertId: 'expert-anouk',
        name: 'Anouk de Vries',
        score: 55,
        reasons: ['has stakeholderEngagement, communication', 'works in the same safety region', '2 of 2 places free'],
      }]);
    });
  });

  describe('given two experts who differ only in their safety region', () => {
    it('puts the one from the case\'s own safety region first', () => {
      const pool = [anExpert({ expertId: 'expert-a' }), anExpert({ expertId: 'expert-b', safetyRegion: 'haaglanden', homeMunicipalityCode: DELFT })];
      const sut = rankCandidates(pool, aCase());
      expect(sut.map((c) => [c.expertId, c.score])).toEqual([['expert-b', 35], ['expert-a', 10]]);
      expect(sut[0].reasons).toContain('works in the same safety region');
      expect(sut[1].reasons).not.toContain('works in the same safety region');
    });
  });

  describe('given an expert from elsewhere with the required skills and an expert from the region without them', () => {
    it('still puts the one from the region first when both have the same room', () => {
      const pool = [
        anExpert({ expertId: 'expert-a', skills: ['stakeholderEngagement', 'communication'] }),
        anExpert({ expertId: 'expert-b', safetyRegion: 'haaglanden', homeMunicipalityCode: DELFT }),
      ];
      const sut = rankCandidates(pool, aCase());
      expect(sut.map((c) => [c.expertId, c.score])).toEqual([['expert-b', 35], ['expert-a', 30]]);
    });

    it('lets two skills and more room outweigh the region', () => {
      const pool = [
        anExpert({ expertId: 'expert-a', skills: ['stakeholderEngagement', 'communication'] }),
        anExpert({ expertId: 'expert-b', safetyRegion: 'haaglanden', homeMunicipalityCode: DELFT, capacity: 4, activeCaseCount: 3 }),
      ];
      const sut = rankCandidates(pool, aCase());
      expect(sut.map((c) => [c.expertId, c.score])).toEqual([['expert-a', 30], ['expert-b', 28]]);
    });
  });

  describe('given experts who have more or fewer of the required skills', () => {
    it('adds ten points for each required skill and nothing for other skills', () => {
      const pool = [
        anExpert({ expertId: 'expert-none', skills: ['legal', 'mediation'] }),
        anExpert({ expertId: 'expert-both', skills: ['communication', 'stakeholderEngagement'] }),
        anExpert({ expertId: 'expert-one', skills: ['communication'] }),
      ];
      const sut = rankCandidates(pool, aCase());
      expect(sut.map((c) => [c.expertId, c.score])).toEqual([['expert-both', 30], ['expert-one', 20], ['expert-none', 10]]);
      expect(sut.map((c) => c.reasons[0])).toEqual(['has stakeholderEngagement, communication', 'has communication', '2 of 2 places free']);
    });

    it('gives no skill points when the case asks for no skills', () => {
      const sut = rankCandidates([anExpert({ skills: ['communication'] })], aCase({ requiredSkills: [] }));
      expect(sut).toEqual([{ expertId: 'expert-anouk', name: 'Anouk de Vries', score: 10, reasons: ['2 of 2 places free'] }]);
    });
  });

  describe('given experts with more or less free capacity', () => {
    it.each([
      [4, 0, 10, '4 of 4 places free'],
      [4, 1, 8, '3 of 4 places free'],
      [4, 2, 5, '2 of 4 places free'],
      [4, 3, 3, '1 of 4 places free'],
      [3, 2, 3, '1 of 3 places free'],
    ])('with capacity %i and %i active cases scores %i for room and says "%s"', (capacity, activeCaseCount, points, reason) => {
      const sut = rankCandidates([anExpert({ capacity, activeCaseCount })], aCase({ requiredSkills: [] }));
      expect(sut).toEqual([expect.objectContaining({ score: points, reasons: [reason] })]);
    });

    it('ranks the expert with more room higher', () => {
      const pool = [
        anExpert({ expertId: 'expert-a', capacity: 4, activeCaseCount: 3 }),
        anExpert({ expertId: 'expert-b', capacity: 4, activeCaseCount: 0 }),
        anExpert({ expertId: 'expert-c', capacity: 4, activeCaseCount: 2 }),
      ];
      const sut = rankCandidates(pool, aCase());
      expect(sut.map((c) => c.expertId)).toEqual(['expert-b', 'expert-c', 'expert-a']);
    });

    it('measures room as a share of each expert\'s own capacity', () => {
      const pool = [anExpert({ expertId: 'expert-a', capacity: 10, activeCaseCount: 5 }), anExpert({ expertId: 'expert-b', capacity: 1, activeCaseCount: 0 })];
      const sut = rankCandidates(pool, aCase());
      expect(sut.map((c) => [c.expertId, c.score])).toEqual([['expert-b', 10], ['expert-a', 5]]);
    });
  });

  describe('given experts with equal scores', () => {
    const pool = [anExpert({ expertId: 'expert-c' }), anExpert({ expertId: 'expert-a' }), anExpert({ expertId: 'expert-b' })];

    it('orders them by expert id', () => {
      const sut = rankCandidates(pool, aCase());
      expect(sut.map((c) => c.expertId)).toEqual(['expert-a', 'expert-b', 'expert-c']);
    });

    it('gives the same order whatever order the pool comes in', () => {
      const sut = rankCandidates([...pool].reverse(), aCase());
      expect(sut.map((c) => c.expertId)).toEqual(['expert-a', 'expert-b', 'expert-c']);
    });

    it('lets a higher score beat an earlier id', () => {
      const sut = rankCandidates([...pool, anExpert({ expertId: 'expert-z', skills: ['communication'] })], aCase());
      expect(sut.map((c) => c.expertId)).toEqual(['expert-z', 'expert-a', 'expert-b', 'expert-c']);
    });
  });
});
