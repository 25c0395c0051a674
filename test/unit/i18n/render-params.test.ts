import type { I18nService } from 'nestjs-i18n';
import { CATALOGUE } from '../../../src/i18n/catalogue/catalogue';
import { readableParams } from '../../../src/i18n/catalogue/render-params';
import { fillText, findText, type TextParams } from '../../../src/i18n/catalogue/render-text';
import { CodedTextTranslator } from '../../../src/i18n/coded-text.translator';
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
    const sut = readableParams({ role: 'administrator', stage: 'Triage', caseId: 'Triage', count: 3 }, (key) => ({ 'labels.stage.Triage': 'Beoordeling' } as Record<string, string>)[key]);

    expect(sut).toEqual({ role: 'administrator', stage: 'Beoordeling', caseId: 'Triage', count: 3 });
  });
});

describe('moments in a coded text', () => {
  it('are written day first in Amsterdam\'s time on the screens, as the date input reads them, in both languages', () => {
    const found = { code: 'too_early', params: { earliest: '2015-01-01T00:00:00Z' } };

    expect(problemText('nl', 'at', found)).toBe('Moment mag niet vóór 01-01-2015 01:00 liggen.');
    expect(problemText('en', 'at', found)).toBe('Moment must not be before 01-01-2015 01:00.');
  });

  it('follow Amsterdam\'s summer time in a refusal', () => {
    const reason = { code: 'moment_before_first', params: { caseId: 'c-1', at: '2026-07-01T10:00:00Z', firstOccurredAt: '2026-07-02T21:59:59.123Z' } };

    expect(refusalText('nl', reason)).toBe('Zaak c-1 bestond nog niet op 01-07-2026 12:00; de eerste gebeurtenis was op 02-07-2026 23:59.');
  });

  it('leave the example of the form the API takes as the API takes it, and a value that is no moment as it came', () => {
    expect(problemText('nl', 'at', { code: 'not_a_date_time', params: { example: '2027-03-01T19:00:00+01:00' } })).toContain('zoals 2027-03-01T19:00:00+01:00.');
    expect(readableParams({ at: '', expiredAt: 'soon', firstOccurredAt: '2015' }, () => undefined)).toEqual({ at: '', expiredAt: 'soon', firstOccurredAt: '2015' });
  });

  it('are written the same way in the API\'s message, while its parameters keep the RFC 3339 moment', () => {
    const sut = new CodedTextTranslator(catalogueI18n(), 'nl');
    const found = { code: 'too_early', params: { earliest: '2015-01-01T00:00:00Z' } };

    expect(sut.problem('eventDate', found)).toBe('Datum en tijd van de bijeenkomst of gebeurtenis mag niet vóór 01-01-2015 01:00 liggen.');
    expect(sut.refusal({ code: 'token_expired', params: { expiredAt: '2026-12-31T23:30:00.000Z' } })).toBe('Uw token is verlopen op 01-01-2027 00:30; meld u opnieuw aan.');
    expect(found.params.earliest).toBe('2015-01-01T00:00:00Z');
  });
});

describe('the start of a period in a field problem', () => {
  it('is named by the label of the field beside this one, not by its name in the API', () => {
    const found = { code: 'before_start', params: { start: 'from' } };

    expect(problemText('nl', 'unavailable.0.to', found)).toBe('Einde van de afwezigheid mag niet vóór Begin van de afwezigheid liggen.');
    expect(problemText('en', 'unavailable.0.to', found)).toBe('End of the unavailability must not be before Start of the unavailability.');
  });
});

// nestjs-i18n as the server's module sets it up, over the same catalogue: a key's text, its placeholders filled.
function catalogueI18n(): I18nService {
  const translate = (key: string, options: { lang: 'nl' | 'en'; args?: TextParams }) => {
    const text = findText(CATALOGUE[options.lang], key);
    return text === undefined ? key : fillText(text, options.args);
  };
  return { translate } as unknown as I18nService;
}
