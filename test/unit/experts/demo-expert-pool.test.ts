import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CASE_CATEGORIES, SAFETY_REGIONS } from '../../../src/domain/case.vocabulary';
import { demoExpertPool } from '../../../src/experts/demo-expert-pool';
import { CreateExpertDto } from '../../../src/experts/dto/create-expert.dto';

describe('the demo expert pool', () => {
  const sut = demoExpertPool();

  it('holds at least forty experts', () => {
    expect(sut.length).toBeGreaterThanOrEqual(40);
  });

  it('has experts in every one of the 25 safety regions', () => {
    expect(new Set(sut.map((expert) => expert.safetyRegion))).toEqual(new Set(SAFETY_REGIONS));
  });

  it.each(CASE_CATEGORIES)('has at least eight experts for %s', (category) => {
    expect(sut.filter((expert) => expert.categories.includes(category)).length).toBeGreaterThanOrEqual(8);
  });

  it('gives every expert their own e-mail address', () => {
    const emails = sut.map((expert) => expert.email.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('keeps capacities between one and four', () => {
    expect(sut.every((expert) => expert.capacity >= 1 && expert.capacity <= 4)).toBe(true);
  });

  it('includes unavailability, conflicts of interest and the languages beyond Dutch and English', () => {
    expect(sut.some((expert) => (expert.unavailable ?? []).length > 0)).toBe(true);
    expect(sut.some((expert) => (expert.conflictMunicipalityCodes ?? []).length > 0)).toBe(true);
    const languages = new Set(sut.flatMap((expert) => expert.languages ?? []));
    expect([...languages]).toEqual(expect.arrayContaining(['nl', 'en', 'ar', 'tr', 'fy', 'pap']));
  });

  it('never declares a conflict with the expert\'s own municipality', () => {
    expect(sut.filter((expert) => expert.conflictMunicipalityCodes?.includes(expert.homeMunicipalityCode))).toEqual([]);
  });

  it('passes the validation of POST /experts, entry by entry', async () => {
    const problems = await Promise.all(sut.map(async (expert) => {
      const errors = await validate(plainToInstance(CreateExpertDto, expert), { whitelist: true, forbidNonWhitelisted: true });
      return errors.length === 0 ? [] : [`${expert.name}: ${errors.map((error) => error.toString()).join(' ')}`];
    }));
    expect(problems.flat()).toEqual([]);
  });

  it('is the same pool every time', () => {
    expect(demoExpertPool()).toEqual(sut);
  });
});
