import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { CreateExpertDto } from '../../../src/experts/dto/create-expert.dto';
import { UpdateExpertDto } from '../../../src/experts/dto/update-expert.dto';
import { brigadeValidationPipe } from '../../../src/http/validation';
import { anExpertBody } from '../../support/expert-fixtures';

interface Refusal {
  readonly message: string;
  readonly fields: ReadonlyArray<{ readonly field: string; readonly issues: ReadonlyArray<{ readonly code: string; readonly params: object }> }>;
}

/** The body of the 400 the global validation pipe answers, or undefined when the input passes. */
async function refusalOf(metatype: ArgumentMetadata['metatype'], body: unknown): Promise<Refusal | undefined> {
  try {
    await brigadeValidationPipe().transform(body, { type: 'body', metatype });
    return undefined;
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return error.getResponse() as Refusal;
  }
}

/** The problem codes and parameters a 400 names for one field itself (not for its elements), or [] when it names none. */
async function problemsOf(metatype: ArgumentMetadata['metatype'], body: unknown, field: string): Promise<ReadonlyArray<{ code: string; params: object }>> {
  return (await refusalOf(metatype, body))?.fields.find((problem) => problem.field === field)?.issues ?? [];
}

const LIST_FIELDS = ['categories', 'skills', 'unavailable', 'conflictMunicipalityCodes', 'languages'] as const;
const NOT_ARRAYS: Array<[string, unknown]> = [
  ['an object', { from: '2027-03-01T00:00:00+01:00', to: '2027-03-14T23:59:59+01:00' }],
  ['an empty object', {}],
  ['a string', 'nl'],
  ['a number', 3],
];

describe.each([
  ['POST /experts', CreateExpertDto, (overrides: Record<string, unknown>) => anExpertBody(overrides)],
  ['PATCH /experts/:id', UpdateExpertDto, (overrides: Record<string, unknown>) => overrides],
] as const)('list fields of %s sent as something else than a list', (_route, dto, body) => {
  describe.each(LIST_FIELDS)('%s', (field) => {
    it.each(NOT_ARRAYS)('says only that %s must be a list, and nothing about the length, uniqueness or elements of a list', async (_what, value) => {
      const refusal = await refusalOf(dto, body({ [field]: value }));
      const problems = await problemsOf(dto, body({ [field]: value }), field);

      expect(refusal?.message.startsWith(`${field} must be a list`)).toBe(true);
      expect(problems).toEqual([{ code: 'not_a_list', params: {} }]);
    });
  });
});

describe('list fields sent as lists', () => {
  it('still count their elements and check each of them', async () => {
    const period = { from: '2027-03-01T00:00:00+01:00', to: '2027-03-02T00:00:00+01:00' };

    expect(await problemsOf(CreateExpertDto, anExpertBody({ unavailable: Array.from({ length: 101 }, () => period) }), 'unavailable'))
      .toEqual([{ code: 'too_many', params: { max: 100 } }]);
    expect(await problemsOf(CreateExpertDto, anExpertBody({ categories: [] }), 'categories')).toEqual([{ code: 'required', params: {} }]);
    expect(await problemsOf(UpdateExpertDto, { languages: ['nl', 'nl'] }, 'languages')).toEqual([{ code: 'duplicates', params: {} }]);
    expect(await problemsOf(CreateExpertDto, anExpertBody({ unavailable: [[period]] }), 'unavailable')).toEqual([{ code: 'not_an_object', params: {} }]);
  });
});
