import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { globSync } from 'glob';
import { getMetadataStorage } from 'class-validator';
import { AssignExpertDto } from '../../../src/cases/dto/assign-expert.dto';
import { CancelCaseDto } from '../../../src/cases/dto/cancel-case.dto';
import { CloseCaseDto } from '../../../src/cases/dto/close-case.dto';
import { DeclineOfferDto } from '../../../src/cases/dto/decline-offer.dto';
import { ListCasesQueryDto } from '../../../src/cases/dto/list-cases-query.dto';
import { RegisterCaseDto } from '../../../src/cases/dto/register-case.dto';
import { ScheduleSessionDto } from '../../../src/cases/dto/schedule-session.dto';
import { TriageCaseDto } from '../../../src/cases/dto/triage-case.dto';
import { problemsEn } from '../../../src/i18n/catalogue/problems.en';
import { problemsNl } from '../../../src/i18n/catalogue/problems.nl';
import { fillText } from '../../../src/i18n/catalogue/render-text';
import { CATALOGUE } from '../../../src/i18n/catalogue/catalogue';
import { fieldLabelKey } from '../../../src/i18n/catalogue/codes';
import { findText } from '../../../src/i18n/catalogue/render-text';
import { KNOWN_CONSTRAINTS, carriesOwnProblem } from '../../../src/http/constraint-problems';
import { brigadeValidationPipe } from '../../../src/http/validation';
import type { FieldIssues } from '../../../src/http/field-issue';

const ROOT = join(__dirname, '../../..');

// Every file that declares validation rules, found by what it imports rather than by a list that could drift.
const RULE_FILES = globSync('src/**/*.ts', { cwd: ROOT, ignore: ['src/ui/client/**'] })
  .filter((file) => readFileSync(join(ROOT, file), 'utf8').includes("from 'class-validator'"));

type Constructor = abstract new (...args: never[]) => unknown;

/** The parts of class-validator's metadata storage that list rules; its own typing keeps them private. */
interface RuleStorage {
  readonly validationMetadatas: Map<Constructor, Array<{ name?: string; type: string; propertyName: string; constraintCls?: Constructor; context?: unknown }>>;
  getTargetValidatorConstraints(target: Constructor): Array<{ name: string }>;
}

const storage = () => getMetadataStorage() as unknown as RuleStorage;

/** Every validation rule in use, as constraint name and the property it guards. */
async function rulesInUse(): Promise<Array<{ constraint: string; ownProblem: boolean; property: string; target: string }>> {
  for (const file of RULE_FILES) await import(join(ROOT, file));
  return [...storage().validationMetadatas.entries()].flatMap(([target, rules]) => rules
    // IsOptional and ValidateIf decide whether to validate; they never fail.
    .filter((rule) => rule.type !== 'conditionalValidation')
    .map((rule) => ({
      constraint: rule.name ?? constraintNameOf(rule.constraintCls) ?? rule.type,
      ownProblem: carriesOwnProblem(rule.context),
      property: rule.propertyName,
      target: target.name,
    })));
}

function constraintNameOf(constraintCls: Constructor | undefined): string | undefined {
  return constraintCls ? storage().getTargetValidatorConstraints(constraintCls)[0]?.name : undefined;
}

async function refusal(value: unknown, metatype: Constructor = RegisterCaseDto, type: 'body' | 'query' = 'body'): Promise<FieldIssues[]> {
  try {
    await brigadeValidationPipe().transform(value, { type, metatype: metatype as new () => unknown });
  } catch (error) {
    return (error as { getResponse(): { fields: FieldIssues[] } }).getResponse().fields;
  }
  throw new Error('the body passed');
}

const VALID = { category: 'CITIZEN_MEETING', municipalityCode: 'GM0637', requesterRole: 'mayor', description: 'Inspraakavond', indicators: {} };

describe('the problems validation can report', () => {
  it('finds the validation rules to check', async () => {
    expect(RULE_FILES.map((file) => relative('src', file))).toContain('cases/dto/register-case.dto.ts');
    expect((await rulesInUse()).length).toBeGreaterThan(100);
  });

  it('knows the problem code of every validation rule in use', async () => {
    const unknown = (await rulesInUse()).filter((rule) => !rule.ownProblem && !KNOWN_CONSTRAINTS.includes(rule.constraint));

    expect(unknown).toEqual([]);
  });

  it('has a label in Dutch and English for every field a rule guards', async () => {
    const unlabelled = [...new Set((await rulesInUse()).map((rule) => rule.property))]
      .filter((property) => !hasLabel(property, 'nl') || !hasLabel(property, 'en'));

    expect(unlabelled).toEqual([]);
  });
});

// A property is labelled on its own or as the last level of a nested field's path (`officeHolder/name`).
function hasLabel(property: string, language: 'nl' | 'en'): boolean {
  if (findText(CATALOGUE[language], fieldLabelKey(property))) return true;
  const fields = CATALOGUE[language].fields as Record<string, string>;
  return Object.keys(fields).some((key) => key.endsWith(`/${property}`));
}

describe('the problems of one field', () => {
  it.each([
    ['empty', ''], ['blank', '   '], ['absent', undefined], ['null', null],
  ])('is only "required" for a municipality that is %s', async (_what, municipalityCode) => {
    expect(await refusal({ ...VALID, municipalityCode })).toEqual([{ field: 'municipalityCode', issues: [{ code: 'required', params: {} }] }]);
  });

  it('is only "not_a_municipality" for a name in place of a code', async () => {
    expect(await refusal({ ...VALID, municipalityCode: 'Zutphen' })).toEqual([{ field: 'municipalityCode', issues: [{ code: 'not_a_municipality', params: {} }] }]);
  });

  it('is only "not_text" for a number in place of a text, not also "too_long"', async () => {
    expect(await refusal({ ...VALID, description: 42 })).toEqual([{ field: 'description', issues: [{ code: 'not_text', params: {} }] }]);
  });

  it('names the maximum of a text that is too long', async () => {
    expect(await refusal({ ...VALID, officeHolder: { name: 'x'.repeat(201), office: 'wethouder' } }))
      .toEqual([{ field: 'officeHolder.name', issues: [{ code: 'too_long', params: { max: 200 } }] }]);
  });

  it('names the region that fits the municipality by its name, and by its slug for machines', async () => {
    expect(await refusal({ ...VALID, safetyRegion: 'fryslan' }))
      .toEqual([{ field: 'safetyRegion', issues: [{ code: 'wrong_region', params: { region: 'Haaglanden', regionCode: 'haaglanden' } }] }]);
  });

  it('names a region whose slug differs from its name as people write it', async () => {
    const [{ issues: [found] }] = await refusal({ ...VALID, municipalityCode: 'GM0301', safetyRegion: 'twente' });

    expect(found).toEqual({ code: 'wrong_region', params: { region: 'Noord- en Oost-Gelderland', regionCode: 'noord-en-oost-gelderland' } });
    expect(fillText(problemsNl.wrong_region, { ...found.params, field: 'Veiligheidsregio' }))
      .toBe('Veiligheidsregio moet de veiligheidsregio van de gekozen gemeente zijn (Noord- en Oost-Gelderland), of leeg blijven.');
  });

  it('is "unknown_field" for a field the request does not have', async () => {
    expect(await refusal({ ...VALID, municipality: 'Zutphen' })).toEqual([{ field: 'municipality', issues: [{ code: 'unknown_field', params: {} }] }]);
  });
});

describe('a number below its minimum', () => {
  it.each([['-1'], ['-20'], ['0']])('is "too_small", not "not_a_whole_number", for page=%s', async (page) => {
    expect(await refusal({ page }, ListCasesQueryDto, 'query')).toEqual([{ field: 'page', issues: [{ code: 'too_small', params: { min: 1 } }] }]);
  });

  it.each([['+1'], ['1e1'], ['1.5'], [' 1'], ['-'], ['--1']])('is still "not_a_whole_number" for page=%j', async (page) => {
    expect(await refusal({ page }, ListCasesQueryDto, 'query')).toEqual([{ field: 'page', issues: [{ code: 'not_a_whole_number', params: {} }] }]);
  });
});

describe('an empty or blank value', () => {
  const EXPERT = '6f1c1f9e-7c53-4c1e-9d7e-2f0b6a0f4a11';

  it.each([
    ['an assignment\'s note', AssignExpertDto, { expertId: EXPERT }, 'note'],
    ['a session\'s note', ScheduleSessionDto, { scheduledAt: '2027-03-01T19:00:00+01:00' }, 'note'],
    ['a declined offer\'s reason', DeclineOfferDto, {}, 'reason'],
    ['a closing summary', CloseCaseDto, {}, 'summary'],
    ['an accepted triage\'s reason', TriageCaseDto, { decision: 'accept' }, 'reason'],
  ])('of %s, which may be left out, is "blank", not "required"', async (_what, metatype, body, field) => {
    for (const value of ['', '   ', ' \u200b ', '\u2800']) {
      expect({ value, fields: await refusal({ ...body, [field]: value }, metatype) })
        .toEqual({ value, fields: [{ field, issues: [{ code: 'blank', params: {} }] }] });
    }
  });

  it('of an office holder\'s details, which may be left out, is "blank"', async () => {
    expect(await refusal({ ...VALID, officeHolder: { name: 'A. Bakker', office: 'wethouder', details: ' \u200b ' } }))
      .toEqual([{ field: 'officeHolder.details', issues: [{ code: 'blank', params: {} }] }]);
  });

  it.each([
    ['a cancellation\'s reason', CancelCaseDto, {}, 'reason'],
    ['a rejected triage\'s reason', TriageCaseDto, { decision: 'reject' }, 'reason'],
  ])('of %s, which must be given, is "required"', async (_what, metatype, body, field) => {
    for (const value of ['', '   ', ' \u200b ']) {
      expect(await refusal({ ...body, [field]: value }, metatype)).toEqual([{ field, issues: [{ code: 'required', params: {} }] }]);
    }
  });

  it('says in both languages that the text may not look empty', () => {
    expect(fillText(problemsNl.blank, { field: 'Toelichting' }))
      .toBe('Toelichting mag niet leeg zijn of alleen spaties of onzichtbare tekens bevatten; vul iets in of laat het weg.');
    expect(fillText(problemsEn.blank, { field: 'Note' }))
      .toBe('Note may not be empty or hold only spaces or invisible characters; fill something in or leave it out.');
  });
});
