import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { CaseStateQueryDto } from '../../../src/audit/dto/case-state-query.dto';
import { ListCasesQueryDto } from '../../../src/cases/dto/list-cases-query.dto';
import { ListExpertsQueryDto } from '../../../src/experts/dto/list-experts-query.dto';
import { brigadeValidationPipe } from '../../../src/http/validation';

/** What the global validation pipe makes of a query: the fields a 400 names, or the query it passes on. */
async function readQuery(metatype: ArgumentMetadata['metatype'], query: Record<string, unknown>): Promise<{ refused: string[] } | { passed: unknown }> {
  try {
    return { passed: await brigadeValidationPipe().transform(query, { type: 'query', metatype }) };
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return { refused: (error.getResponse() as { fields: Array<{ field: string }> }).fields.map(({ field }) => field) };
  }
}

// Number() reads all of these as a whole number; a query parameter that means one is written in decimal digits only.
const NOT_PLAIN_DIGITS: Array<[string, string]> = [
  ['an exponent', '1e1'], ['a hexadecimal number', '0x10'], ['a binary number', '0b10'], ['an octal number', '0o10'],
  ['a plus sign', '+10'], ['a leading space', ' 10'], ['a trailing space', '10 '], ['a decimal point', '10.0'],
  ['an empty value', ''], ['Infinity', 'Infinity'], ['full-width digits', '１０'],
];

describe('whole numbers in query parameters', () => {
  it.each(NOT_PLAIN_DIGITS)('refuses a state version written with %s, naming version', async (_what, version) => {
    expect(await readQuery(CaseStateQueryDto, { version })).toEqual({ refused: ['version'] });
  });

  it.each(NOT_PLAIN_DIGITS)('refuses a page written with %s, naming page', async (_what, page) => {
    expect(await readQuery(ListCasesQueryDto, { page })).toEqual({ refused: ['page'] });
  });

  it.each(NOT_PLAIN_DIGITS)('refuses a page size written with %s, naming pageSize', async (_what, pageSize) => {
    expect(await readQuery(ListExpertsQueryDto, { pageSize })).toEqual({ refused: ['pageSize'] });
  });

  it('reads plain decimal digits as the number they write', async () => {
    expect(await readQuery(CaseStateQueryDto, { version: '10' })).toEqual({ passed: expect.objectContaining({ version: 10 }) });
    expect(await readQuery(ListCasesQueryDto, { page: '3', pageSize: '50' })).toEqual({ passed: expect.objectContaining({ page: 3, pageSize: 50 }) });
    expect(await readQuery(ListExpertsQueryDto, { page: '007' })).toEqual({ passed: expect.objectContaining({ page: 7, pageSize: 20 }) });
  });

  it('still refuses whole numbers out of range', async () => {
    expect(await readQuery(CaseStateQueryDto, { version: '0' })).toEqual({ refused: ['version'] });
    expect(await readQuery(ListCasesQueryDto, { pageSize: '101' })).toEqual({ refused: ['pageSize'] });
  });
});
