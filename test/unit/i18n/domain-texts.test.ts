import { PREPARATION_TEMPLATES } from '../../../src/domain/case-policy';
import { RISK_LEVELS } from '../../../src/domain/case.vocabulary';
import { DOMAIN_TEXT_CODES } from '../../../src/domain/domain-text-codes';
import { domainText, isDomainText, literalText, type DomainText } from '../../../src/domain/domain-text';
import { ESCALATION_REASONS, riskLevelText } from '../../../src/domain/escalation-reasons';
import { assessRisk } from '../../../src/domain/risk-assessment';
import { SYSTEM_REASONS, conflictOfInterestReason } from '../../../src/domain/system-reasons';
import type { TextGroup } from '../../../src/i18n/catalogue/catalogue-shape';
import { CATALOGUE } from '../../../src/i18n/catalogue/catalogue';
import { CATALOGUE_LANGUAGES } from '../../../src/i18n/catalogue/languages';
import { renderDomainText, withRenderedText } from '../../../src/i18n/catalogue/render-domain-text';
import { findText } from '../../../src/i18n/catalogue/render-text';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

function codesIn(group: TextGroup, prefix = ''): string[] {
  return Object.entries(group).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : codesIn(value, `${prefix}${key}.`)));
}

/** Every text the producers make, with sample values: a code without a text, or a placeholder without a value, shows. */
const PRODUCED: readonly DomainText[] = [
  ...assessRisk('THREAT_TO_OFFICIAL', {
    threatsReceived: true, officeHolderPersonallyTargeted: true, onlineAgitation: true, mediaAttention: 'national', priorIncidents: 4, expectedAttendance: 600,
  }).reasons,
  ...assessRisk('CITIZEN_MEETING', {
    threatsReceived: false, officeHolderPersonallyTargeted: false, onlineAgitation: false, mediaAttention: 'local', priorIncidents: 0, expectedAttendance: 0,
  }).reasons,
  ...Object.values(PREPARATION_TEMPLATES).flat().map((template) => template.title),
  ...Object.values(SYSTEM_REASONS),
  conflictOfInterestReason('own_municipality'),
  conflictOfInterestReason('declared_conflict'),
  ...RISK_LEVELS.map(riskLevelText),
  ...Object.values(ESCALATION_REASONS).map((reason) => (isDomainText(reason) ? reason : null)).filter((reason) => reason !== null),
  ESCALATION_REASONS.poolExhausted(2),
  ESCALATION_REASONS.taskOverdue(domainText('task.risk_analysis')),
  ESCALATION_REASONS.followUpOverdue('day-7'),
  ESCALATION_REASONS.riskRaised('MEDIUM', 'HIGH', literalText('a letter at home')),
  ESCALATION_REASONS.expertConcern('the venue has one exit'),
  ESCALATION_REASONS.interventionIncident('a brick through the window'),
  ESCALATION_REASONS.returnedTasksDue(['task-1', 'task-2'], 24),
  domainText('risk.incident_during_intervention'),
];

describe('the domain texts of the catalogue', () => {
  it.each(CATALOGUE_LANGUAGES)('give every code a text in %s', (language) => {
    const missing = DOMAIN_TEXT_CODES.filter((code) => !findText(CATALOGUE[language], `domain.${code}`)?.trim());
    expect(missing).toEqual([]);
  });

  it('hold no text for a code the domain does not know', () => {
    expect(codesIn(CATALOGUE.nl.domain as TextGroup).sort()).toEqual([...DOMAIN_TEXT_CODES].sort());
  });

  it.each(DOMAIN_TEXT_CODES)('use the same placeholders for %s in every language', (code) => {
    const [dutch, ...others] = CATALOGUE_LANGUAGES.map((language) => placeholders(findText(CATALOGUE[language], `domain.${code}`) ?? ''));
    for (const other of others) expect(other).toEqual(dutch);
  });
});

describe('every text the domain produces', () => {
  it('has a code of the list', () => {
    const codes = new Set<string>(DOMAIN_TEXT_CODES);
    const nested = (text: DomainText): DomainText[] => [text, ...Object.values(text.params ?? {}).filter(isDomainText).flatMap(nested)];
    expect(PRODUCED.flatMap(nested).filter((text) => !codes.has(text.code))).toEqual([]);
  });

  it.each(CATALOGUE_LANGUAGES)('renders in %s with every placeholder filled', (language) => {
    for (const text of PRODUCED) {
      const rendered = renderDomainText(text, language);
      expect(rendered).not.toMatch(/\{\w+\}/);
      expect(rendered.trim()).not.toBe('');
    }
  });
});

describe('renderDomainText', () => {
  it('fills a count into the text of each language', () => {
    const sut = domainText('risk.expected_attendance', { count: 250 });
    expect([renderDomainText(sut, 'nl'), renderDomainText(sut, 'en')]).toEqual(['250 mensen verwacht', '250 people expected']);
  });

  it('renders coded parameters in the same language and keeps a person\'s words as written', () => {
    const sut = ESCALATION_REASONS.riskRaised('MEDIUM', 'HIGH', literalText('een brief thuis'));
    expect(renderDomainText(sut, 'nl')).toBe('risico verhoogd van middel naar hoog: een brief thuis');
    expect(renderDomainText(sut, 'en')).toBe('risk raised from medium to high: een brief thuis');
  });

  it('renders a task title inside an escalation reason in the reader\'s language', () => {
    const sut = ESCALATION_REASONS.taskOverdue(domainText('task.threat_assessment'));
    expect(renderDomainText(sut, 'nl')).toBe('de taak "Dreigingsinschatting met de politie" is te laat');
    expect(renderDomainText(sut, 'en')).toBe('task "Threat assessment with police" is overdue');
  });

  it('shows a code the catalogue lacks rather than nothing', () => {
    expect(renderDomainText({ code: 'risk.from_a_newer_release' } as unknown as DomainText, 'nl')).toBe('risk.from_a_newer_release');
  });

  it('adds the rendering beside the code and parameters', () => {
    expect(withRenderedText(domainText('risk.prior_incidents', { count: 3 }), 'en'))
      .toEqual({ code: 'risk.prior_incidents', params: { count: 3 }, text: 'prior incidents: 3' });
  });
});
