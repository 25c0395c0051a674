import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { CaseStateQueryDto } from '../../../src/audit/dto/case-state-query.dto';
import { CancelCaseDto } from '../../../src/cases/dto/cancel-case.dto';
import { RegisterCaseDto } from '../../../src/cases/dto/register-case.dto';
import { ScheduleSessionDto } from '../../../src/cases/dto/schedule-session.dto';
import { TriageCaseDto } from '../../../src/cases/dto/triage-case.dto';
import { CreateExpertDto } from '../../../src/experts/dto/create-expert.dto';
import { brigadeValidationPipe } from '../../../src/http/validation';
import { anExpertBody } from '../../support/expert-fixtures';

const REGISTRATION = {
  category: 'CITIZEN_MEETING', municipalityCode: 'GM0637', safetyRegion: 'haaglanden', requesterRole: 'mayor',
  description: 'Inspraakavond over de opvang', eventDate: '2027-01-20T19:00:00+01:00',
  officeHolder: { name: 'J. de Boer', office: 'wethouder' }, indicators: {},
};
const IN_THREE_YEARS = new Date(Date.now() + 3 * 365 * 24 * 3600 * 1000).toISOString();

/** The fields a 400 from the global validation pipe names, or [] when the input passes. */
async function refusedFields(metatype: ArgumentMetadata['metatype'], value: unknown, type: ArgumentMetadata['type'] = 'body'): Promise<string[]> {
  try {
    await brigadeValidationPipe().transform(value, { type, metatype });
    return [];
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as { fields: Array<{ field: string }> }).fields.map(({ field }) => field);
  }
}

describe('date-time fields', () => {
  const outsideTheOneForm: Array<[string, string]> = [
    ['an ISO week date', '2026-W01'], ['an ordinal date', '2026-032T10:00:00Z'], ['a time without an offset', '2027-01-20T19:00:00'],
    ['a date alone', '2027-01-20'], ['30 February', '2026-02-30T10:00:00Z'], ['year 0000', '0000-01-01T00:00:00Z'],
    ['year 9999', '9999-12-31T23:59:59Z'], ['a moment before 2015', '2014-06-01T10:00:00Z'], ['a moment three years ahead', IN_THREE_YEARS],
  ];

  it.each(outsideTheOneForm)('refuses %s as an event date, naming eventDate', async (_what, eventDate) => {
    expect(await refusedFields(RegisterCaseDto, { ...REGISTRATION, eventDate })).toEqual(['eventDate']);
  });

  it.each(outsideTheOneForm)('refuses %s as a session time, naming scheduledAt', async (_what, scheduledAt) => {
    expect(await refusedFields(ScheduleSessionDto, { scheduledAt })).toEqual(['scheduledAt']);
  });

  it.each(outsideTheOneForm)('refuses %s as the end of an unavailable period, naming it', async (_what, to) => {
    const body = anExpertBody({ unavailable: [{ from: '2027-03-01T00:00:00+01:00', to }] });

    expect(await refusedFields(CreateExpertDto, body)).toEqual(['unavailable.0.to']);
  });

  it.each(outsideTheOneForm)('refuses %s as the moment of a state query, naming at', async (_what, at) => {
    expect(await refusedFields(CaseStateQueryDto, { at }, 'query')).toEqual(['at']);
  });

  it('accepts an RFC 3339 date-time with an offset in each of them', async () => {
    expect(await refusedFields(RegisterCaseDto, REGISTRATION)).toEqual([]);
    expect(await refusedFields(ScheduleSessionDto, { scheduledAt: '2027-01-18T10:00:00.000Z' })).toEqual([]);
    expect(await refusedFields(CreateExpertDto, anExpertBody())).toEqual([]);
    expect(await refusedFields(CaseStateQueryDto, { at: '2027-01-18T10:00:00-05:00' }, 'query')).toEqual([]);
  });
});

describe('free text and names', () => {
  it.each([
    ['only zero-width characters', '\u200B\u200C\u200D\uFEFF'],
    ['only bidi controls', '\u202E\u2066\u2069\u200F'],
    ['only a Hangul filler and spaces', ' \u3164 '],
  ])('refuses free text of %s like blank text, naming the field', async (_what, text) => {
    expect(await refusedFields(RegisterCaseDto, { ...REGISTRATION, description: text })).toEqual(['description']);
    expect(await refusedFields(CancelCaseDto, { reason: text })).toEqual(['reason']);
    expect(await refusedFields(TriageCaseDto, { decision: 'reject', reason: text })).toEqual(['reason']);
    expect(await refusedFields(CreateExpertDto, anExpertBody({ name: text }))).toEqual(['name']);
  });

  it('refuses a bidi control inside a name, naming the field', async () => {
    const name = 'J. \u202Eoob ed';

    expect(await refusedFields(RegisterCaseDto, { ...REGISTRATION, officeHolder: { name, office: 'wethouder' } })).toEqual(['officeHolder.name']);
    expect(await refusedFields(CreateExpertDto, anExpertBody({ name }))).toEqual(['name']);
  });

  it('keeps bidi controls in free text, where a right-to-left quotation may need them', async () => {
    expect(await refusedFields(RegisterCaseDto, { ...REGISTRATION, description: 'Spandoek met \u2067مرحبا\u2069 erop' })).toEqual([]);
  });
});

describe('default-ignorable characters in free text and names', () => {
  it.each([
    ['the combining grapheme joiner', '\u034F'],
    ['variation selectors and spaces', ' \uFE0F \uFE00 '],
    ['supplementary variation selectors', '\u{E0100}\u{E01EF}'],
    ['the Khmer inherent vowels', '\u17B4\u17B5'],
    ['Mongolian variation selectors', '\u180B\u180C\u180D\u180F'],
    ['Hangul fillers', '\u115F\u1160\u3164\uFFA0'],
  ])('refuses free text of only %s like blank text, naming the field', async (_what, text) => {
    expect(await refusedFields(RegisterCaseDto, { ...REGISTRATION, description: text })).toEqual(['description']);
    expect(await refusedFields(CancelCaseDto, { reason: text })).toEqual(['reason']);
    expect(await refusedFields(TriageCaseDto, { decision: 'reject', reason: text })).toEqual(['reason']);
    expect(await refusedFields(CreateExpertDto, anExpertBody({ name: text }))).toEqual(['name']);
  });

  it.each([
    ['a zero-width space', '\u200B'], ['a zero-width joiner', '\u200D'], ['a tag character', '\u{E0041}'],
    ['a variation selector', '\uFE0F'], ['the combining grapheme joiner', '\u034F'], ['a soft hyphen', '\u00AD'],
  ])('refuses %s inside a name, so that it cannot pass for another name, naming the field', async (_what, invisible) => {
    const name = `J. de${invisible} Boer`;

    expect(await refusedFields(RegisterCaseDto, { ...REGISTRATION, officeHolder: { name, office: 'wethouder' } })).toEqual(['officeHolder.name']);
    expect(await refusedFields(CreateExpertDto, anExpertBody({ name }))).toEqual(['name']);
  });

  it('keeps joiners and variation selectors in free text, where emoji sequences need them', async () => {
    expect(await refusedFields(RegisterCaseDto, { ...REGISTRATION, description: 'Spandoek met 👩\u200D💻 en ❤\uFE0F erop' })).toEqual([]);
  });
});
