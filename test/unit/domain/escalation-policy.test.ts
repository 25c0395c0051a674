import { CASE_CATEGORIES, RISK_LEVELS, type CaseCategory, type RiskLevel } from '../../../src/domain/case.vocabulary';
import { HOUR, MINUTE } from '../../../src/domain/durations';
import { escalationLadder, partnerFor, type EscalationTarget } from '../../../src/domain/escalation-policy';

const PARTNER: Record<CaseCategory, Record<RiskLevel, EscalationTarget>> = {
  SHELTER_SUPPORT: { LOW: 'COA', MEDIUM: 'COA', HIGH: 'COA', CRITICAL: 'COA' },
  CITIZEN_MEETING: { LOW: 'police', MEDIUM: 'police', HIGH: 'police', CRITICAL: 'police' },
  THREAT_TO_OFFICIAL: { LOW: 'police', MEDIUM: 'police', HIGH: 'police', CRITICAL: 'NCTV' },
  INCIDENT: { LOW: 'police', MEDIUM: 'police', HIGH: 'police', CRITICAL: 'police' },
};
const everyCase = CASE_CATEGORIES.flatMap((category) => RISK_LEVELS.map((risk) => [category, risk, PARTNER[category][risk]] as const));

describe('partnerFor', () => {
  it('has an expectation for every category and risk', () => {
    expect(everyCase).toHaveLength(16);
  });

  it.each(everyCase)('sends a %s case at %s risk to %s', (category, risk, partner) => {
    expect(partnerFor(category, risk)).toBe(partner);
  });
});

describe('escalationLadder', () => {
  it.each(everyCase)('for a %s case at %s risk climbs from the duty coordinator to the programme lead to %s', (category, risk, partner) => {
    const sut = escalationLadder(category, risk);
    expect(sut.map((step) => [step.level, step.target])).toEqual([[1, 'dutyCoordinator'], [2, 'programmeLead'], [3, partner]]);
  });

  it.each([
    ['LOW', [24 * HOUR, 48 * HOUR, 72 * HOUR]],
    ['MEDIUM', [8 * HOUR, 24 * HOUR, 48 * HOUR]],
    ['HIGH', [2 * HOUR, 8 * HOUR, 24 * HOUR]],
    ['CRITICAL', [30 * MINUTE, 2 * HOUR, 8 * HOUR]],
  ] as const)('at %s risk gives the three levels %j ms to acknowledge', (risk, timeouts) => {
    for (const category of CASE_CATEGORIES) {
      expect(escalationLadder(category, risk).map((step) => step.ackTimeoutMs)).toEqual(timeouts);
    }
  });

  it.each([1, 2, 3])('gives level %i a strictly shorter acknowledgement time at each higher risk', (level) => {
    const timeouts = RISK_LEVELS.map((risk) => escalationLadder('INCIDENT', risk).find((step) => step.level === level)!.ackTimeoutMs);
    for (let i = 1; i < timeouts.length; i++) expect(timeouts[i]).toBeLessThan(timeouts[i - 1]);
  });

  it.each(RISK_LEVELS)('at %s risk gives each higher level more time than the one below it', (risk) => {
    const [duty, programme, partner] = escalationLadder('THREAT_TO_OFFICIAL', risk).map((step) => step.ackTimeoutMs);
    expect(programme).toBeGreaterThan(duty);
    expect(partner).toBeGreaterThan(programme);
  });
});
