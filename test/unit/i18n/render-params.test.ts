import { labelledParams } from '../../../src/i18n/catalogue/render-params';
import { problemText, refusalText } from '../../../src/ui/client/i18n/coded-texts';

describe('roles, stages and risk levels in a coded text', () => {
  it('are named in the reader\'s language, each of a list by itself', () => {
    const reason = { code: 'role_not_allowed', params: { role: 'coordinator', route: 'GET /audit', allowed: 'auditor, expert' } };

    expect(refusalText('nl', reason)).toBe('Met de rol coördinator mag u GET /audit niet gebruiken; dit is voor: auditor, expert.');
    expect(refusalText('en', reason)).toBe('With the role coordinator you may not use GET /audit; it is for: auditor, expert.');
  });

  it('name a stage as the screens do', () => {
    const reason = { code: 'wrong_stage', params: { stage: 'FollowUp', stages: 'Matching, Preparation' } };

    expect(refusalText('nl', reason)).toBe('Dit kan nu niet: de zaak staat in de fase Nazorg, en dit kan alleen in de fase Koppeling experts, Voorbereiding.');
    expect(refusalText('en', reason)).toBe('This cannot be done now: the case is in the stage Follow-up, and this is possible only in the stage Expert matching, Preparation.');
  });

  it('name a role in a field problem too', () => {
    expect(problemText('nl', 'subject', { code: 'not_a_subject', params: { role: 'coordinator' } })).toContain('past niet bij de rol coördinator');
  });

  it('leave a value without a word as it came, and every other parameter alone', () => {
    const sut = labelledParams({ role: 'administrator', stage: 'Triage', caseId: 'Triage', count: 3 }, (key) => ({ 'labels.stage.Triage': 'Beoordeling' } as Record<string, string>)[key]);

    expect(sut).toEqual({ role: 'administrator', stage: 'Beoordeling', caseId: 'Triage', count: 3 });
  });
});
