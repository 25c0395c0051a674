import { CASE_CATEGORIES } from '../../../../src/domain/case.vocabulary';
import { addRetentionPeriod, parseRetentionPeriod } from '../../../../src/domain/retention/retention-period';
import { DEFAULT_RETENTION_RULES, RETENTION_OUTCOMES, type RetentionRule } from '../../../../src/domain/retention/retention-rules';
import { InvalidRetentionRulesError, parseRetentionRules } from '../../../../src/domain/retention/retention-rules-validation';
import { outcomeOfFinalEvent, retentionOf, ruleFor } from '../../../../src/domain/retention/retention-schedule';

const rule = (overrides: Partial<RetentionRule>): RetentionRule => ({ id: 'any', category: '*', outcome: '*', keepFor: 'P1Y', action: 'destroy', ...overrides });

describe('the retention schedule', () => {
  describe('which rule applies', () => {
    const rules = [
      rule({ id: 'fallback' }),
      rule({ id: 'closed', outcome: 'closed' }),
      rule({ id: 'threat', category: 'THREAT_TO_OFFICIAL' }),
      rule({ id: 'threat-closed', category: 'THREAT_TO_OFFICIAL', outcome: 'closed' }),
    ];

    it.each([
      ['THREAT_TO_OFFICIAL', 'closed', 'threat-closed'],
      ['THREAT_TO_OFFICIAL', 'cancelled', 'threat'],
      ['INCIDENT', 'closed', 'closed'],
      ['INCIDENT', 'rejected', 'fallback'],
    ] as const)('takes for a %s case that was %s the most specific rule, %s', (category, outcome, id) => {
      expect(ruleFor(rules, category, outcome)?.id).toBe(id);
    });

    it('covers every category and outcome with the example defaults', () => {
      for (const category of CASE_CATEGORIES) {
        for (const outcome of RETENTION_OUTCOMES) expect(ruleFor(DEFAULT_RETENTION_RULES, category, outcome)).toBeDefined();
      }
    });
  });

  describe('how a case ended', () => {
    it.each([['CaseClosed', 'closed'], ['CaseCancelled', 'cancelled'], ['RequestRejected', 'rejected'], ['HistoryArchived', undefined]] as const)(
      'reads %s as %s', (type, outcome) => {
        expect(outcomeOfFinalEvent(type)).toBe(outcome);
      });
  });

  describe('when a case is due', () => {
    const ended = { caseId: 'c1', category: 'INCIDENT' as const, outcome: 'cancelled' as const, endedAt: '2025-01-31T10:00:00.000Z' };
    const rules = [rule({ id: 'cancelled-2y', outcome: 'cancelled', keepFor: 'P2Y' }), rule({ id: 'rest', keepFor: 'P90D', action: 'transfer' })];

    it('is not due the moment before its period ends', () => {
      const sut = retentionOf(rules, ended, '2027-01-31T09:59:59.999Z');
      expect(sut).toEqual({ rule: rules[0], dueAt: '2027-01-31T10:00:00.000Z', due: false });
    });

    it('is due from the moment its period ends', () => {
      expect(retentionOf(rules, ended, '2027-01-31T10:00:00.000Z')?.due).toBe(true);
    });

    it('says transfer, not destroy, when its rule hands the case to the archive', () => {
      const sut = retentionOf(rules, { ...ended, outcome: 'closed' }, '2025-05-01T10:00:00.000Z');
      expect(sut).toMatchObject({ rule: { id: 'rest', action: 'transfer' }, dueAt: '2025-05-01T10:00:00.000Z', due: true });
    });
  });

  describe('periods', () => {
    it.each([['P5Y', { years: 5, months: 0, days: 0 }], ['P18M', { years: 0, months: 18, days: 0 }], ['P2W3D', { years: 0, months: 0, days: 17 }]])(
      'reads %s', (text, period) => {
        expect(parseRetentionPeriod(text)).toEqual(period);
      });

    it.each(['P', 'P0D', '5Y', 'PT24H', 'P1.5Y', ''])('refuses %j', (text) => {
      expect(parseRetentionPeriod(text)).toBeUndefined();
    });

    it('counts months on the calendar', () => {
      expect(addRetentionPeriod('2024-02-29T00:00:00.000Z', { years: 1, months: 0, days: 0 })).toBe('2025-03-01T00:00:00.000Z');
    });
  });

  describe('a schedule read from a file', () => {
    const valid = [{ id: 'all', category: '*', outcome: '*', keepFor: 'P1Y', action: 'destroy' }];

    it('accepts a list or {"rules": [...]}', () => {
      expect(parseRetentionRules(valid)).toEqual(valid);
      expect(parseRetentionRules({ rules: valid })).toEqual(valid);
    });

    it.each([
      [[], 'non-empty list'],
      [[{ ...valid[0], id: 'Bad Id' }], 'retention rule 1: "id"'],
      [[{ ...valid[0], category: 'PARTY' }], 'retention rule "all": "category"'],
      [[{ ...valid[0], outcome: 'archived' }], 'retention rule "all": "outcome"'],
      [[{ ...valid[0], keepFor: '5 years' }], 'retention rule "all": "keepFor"'],
      [[{ ...valid[0], action: 'shred' }], 'retention rule "all": "action"'],
      [[{ ...valid[0], days: 3 }], 'retention rule "all": unknown field "days"'],
      [[valid[0], { ...valid[0], id: 'again' }], 'retention rule "again": rule "all" already covers'],
      [[valid[0], valid[0]], 'retention rule "all": two rules have this id'],
      [[{ ...valid[0], outcome: 'closed' }], 'cover no SHELTER_SUPPORT case with outcome cancelled'],
    ])('refuses %j naming the rule and field', (rules, message) => {
      expect(() => parseRetentionRules(rules)).toThrow(InvalidRetentionRulesError);
      expect(() => parseRetentionRules(rules)).toThrow(message);
    });
  });
});
