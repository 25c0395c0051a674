import { RISK_LEVELS, compareRisk, raiseRiskOneLevel, type RiskLevel } from '../../../src/domain/case.vocabulary';

describe('compareRisk', () => {
  const pairs = RISK_LEVELS.flatMap((a, i) => RISK_LEVELS.map((b, j) => [a, b, Math.sign(i - j)] as const));

  it.each(pairs)('compares %s with %s as %i', (a, b, sign) => {
    expect(Math.sign(compareRisk(a, b))).toBe(sign);
  });

  it('is positive when the first level is higher', () => {
    expect(compareRisk('CRITICAL', 'LOW')).toBeGreaterThan(0);
    expect(compareRisk('HIGH', 'MEDIUM')).toBeGreaterThan(0);
  });

  it('is negative when the first level is lower', () => {
    expect(compareRisk('LOW', 'MEDIUM')).toBeLessThan(0);
    expect(compareRisk('HIGH', 'CRITICAL')).toBeLessThan(0);
  });

  it('sorts levels from lowest to highest', () => {
    const levels: RiskLevel[] = ['HIGH', 'LOW', 'CRITICAL', 'MEDIUM', 'LOW'];
    expect(levels.sort(compareRisk)).toEqual(['LOW', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']);
  });
});

describe('raiseRiskOneLevel', () => {
  it.each([
    ['LOW', 'MEDIUM'],
    ['MEDIUM', 'HIGH'],
    ['HIGH', 'CRITICAL'],
  ] as const)('raises %s to %s', (level, raised) => {
    expect(raiseRiskOneLevel(level)).toBe(raised);
  });

  it('keeps CRITICAL at CRITICAL, the top of the scale', () => {
    expect(raiseRiskOneLevel('CRITICAL')).toBe('CRITICAL');
  });
});
