import {
  OFFER_TIMEOUT_MS, PREPARATION_TEMPLATES, REQUIRED_SKILLS, TRIAGE_DEADLINE_MS, followUpOffsetsDays, offerBatchSize, teamSizeFor,
} from '../../../src/domain/case-policy';
import { CASE_CATEGORIES, RISK_LEVELS, type CaseCategory, type RiskLevel } from '../../../src/domain/case.vocabulary';
import { DAY, HOUR } from '../../../src/domain/durations';
import { EXPERT_SKILLS } from '../../../src/domain/expert-profile';

describe('teamSizeFor', () => {
  const expected: Record<CaseCategory, Record<RiskLevel, number>> = {
    SHELTER_SUPPORT: { LOW: 2, MEDIUM: 2, HIGH: 3, CRITICAL: 4 },
    CITIZEN_MEETING: { LOW: 1, MEDIUM: 1, HIGH: 2, CRITICAL: 3 },
    THREAT_TO_OFFICIAL: { LOW: 2, MEDIUM: 2, HIGH: 3, CRITICAL: 4 },
    INCIDENT: { LOW: 1, MEDIUM: 1, HIGH: 2, CRITICAL: 3 },
  };
  const rows = CASE_CATEGORIES.flatMap((category) => RISK_LEVELS.map((risk) => [category, risk, expected[category][risk]] as const));

  it('has an expectation for every category and risk', () => {
    expect(rows).toHaveLength(16);
  });

  it.each(rows)('gives a %s case at %s risk a team of %i', (category, risk, total) => {
    expect(teamSizeFor(category, risk)).toEqual({ total });
  });

  it.each(CASE_CATEGORIES)('never gives a %s case a smaller team for a higher risk', (category) => {
    const [low, medium, high, critical] = RISK_LEVELS.map((risk) => teamSizeFor(category, risk).total);
    expect(medium).toBeGreaterThanOrEqual(low);
    expect(high).toBeGreaterThanOrEqual(medium);
    expect(critical).toBeGreaterThanOrEqual(high);
    expect(critical).toBeGreaterThan(medium);
  });

  it.each(RISK_LEVELS)('gives threats and shelter cases one more member than meetings and incidents at %s risk', (risk) => {
    expect(teamSizeFor('THREAT_TO_OFFICIAL', risk).total).toBe(teamSizeFor('CITIZEN_MEETING', risk).total + 1);
    expect(teamSizeFor('SHELTER_SUPPORT', risk).total).toBe(teamSizeFor('INCIDENT', risk).total + 1);
  });
});

describe('offerBatchSize', () => {
  it.each([
    ['LOW', 1], ['LOW', 3], ['MEDIUM', 1], ['MEDIUM', 3], ['HIGH', 1], ['HIGH', 3],
  ] as const)('offers a %s case to one candidate at a time with %i place(s) left', (risk, placesLeft) => {
    expect(offerBatchSize(risk, placesLeft)).toBe(1);
  });

  it.each([
    [1, 2], [2, 3], [4, 5],
  ])('offers a CRITICAL case in parallel, with %i place(s) left to %i candidates, one spare', (placesLeft, batch) => {
    expect(offerBatchSize('CRITICAL', placesLeft)).toBe(batch);
  });
});

describe('REQUIRED_SKILLS', () => {
  it('names the skills each category needs', () => {
    expect(REQUIRED_SKILLS).toEqual({
      SHELTER_SUPPORT: ['stakeholderEngagement', 'communication'],
      CITIZEN_MEETING: ['mediation', 'communication'],
      THREAT_TO_OFFICIAL: ['security', 'psychosocialAftercare'],
      INCIDENT: ['crisisManagement', 'communication'],
    });
  });

  it.each(CASE_CATEGORIES)('asks a %s case for known skills, each once', (category) => {
    const skills = REQUIRED_SKILLS[category];
    expect(skills.length).toBeGreaterThan(0);
    expect(new Set(skills).size).toBe(skills.length);
    for (const skill of skills) expect(EXPERT_SKILLS).toContain(skill);
  });
});

describe('PREPARATION_TEMPLATES', () => {
  it('has a template for exactly the four categories', () => {
    expect(Object.keys(PREPARATION_TEMPLATES).sort()).toEqual([...CASE_CATEGORIES].sort());
  });

  it.each([
    ['SHELTER_SUPPORT', ['risk-analysis', 'stakeholder-map', 'communication-plan']],
    ['CITIZEN_MEETING', ['risk-analysis', 'meeting-scenario', 'communication-plan']],
    ['THREAT_TO_OFFICIAL', ['threat-assessment', 'security-plan', 'aftercare-plan']],
    ['INCIDENT', ['scenario-plan', 'communication-plan']],
  ] as const)('starts a %s case with the tasks %j', (category, templateIds) => {
    expect(PREPARATION_TEMPLATES[category].map((task) => task.templateId)).toEqual(templateIds);
  });

  it.each(CASE_CATEGORIES)('gives every %s task a unique id, a title and a known skill', (category) => {
    const tasks = PREPARATION_TEMPLATES[category];
    expect(tasks.length).toBeGreaterThan(0);
    expect(new Set(tasks.map((task) => task.templateId)).size).toBe(tasks.length);
    for (const task of tasks) {
      expect(task.title.code).toMatch(/^task\./);
      expect(EXPERT_SKILLS).toContain(task.skill);
    }
  });
});

describe('followUpOffsetsDays', () => {
  it('checks in on a threatened office holder after 7, 30 and 90 days', () => {
    expect(followUpOffsetsDays('THREAT_TO_OFFICIAL')).toEqual([7, 30, 90]);
  });

  it.each(['SHELTER_SUPPORT', 'CITIZEN_MEETING', 'INCIDENT'] as const)('checks in on a %s case after 7 and 30 days only', (category) => {
    expect(followUpOffsetsDays(category)).toEqual([7, 30]);
  });
});

describe('deadlines by risk', () => {
  it('gives the coordinator 3 days, 1 day, 8 hours and 2 hours to triage, from LOW to CRITICAL', () => {
    expect(RISK_LEVELS.map((risk) => TRIAGE_DEADLINE_MS[risk])).toEqual([3 * DAY, DAY, 8 * HOUR, 2 * HOUR]);
  });

  it('gives an expert 24, 12, 4 and 1 hour(s) to answer an offer, from LOW to CRITICAL', () => {
    expect(RISK_LEVELS.map((risk) => OFFER_TIMEOUT_MS[risk])).toEqual([24 * HOUR, 12 * HOUR, 4 * HOUR, HOUR]);
  });

  it.each([
    ['triage', TRIAGE_DEADLINE_MS],
    ['offer', OFFER_TIMEOUT_MS],
  ] as const)('makes every %s deadline strictly shorter than the one for the risk below it', (_name, deadlines) => {
    for (let i = 1; i < RISK_LEVELS.length; i++) {
      expect(deadlines[RISK_LEVELS[i]]).toBeLessThan(deadlines[RISK_LEVELS[i - 1]]);
    }
  });
});
