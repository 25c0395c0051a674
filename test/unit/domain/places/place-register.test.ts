import { SAFETY_REGIONS } from '../../../../src/domain/case.vocabulary';
import { MUNICIPALITIES, MUNICIPALITIES_VALID_ON, MUNICIPALITY_SOURCES } from '../../../../src/domain/places/municipalities.data';
import { PROVINCES } from '../../../../src/domain/places/place-records';
import {
  isMunicipalityCode, municipalityByCode, municipalityCodeForName, safetyRegionCode, safetyRegionOfMunicipality,
} from '../../../../src/domain/places/place-register';
import { SAFETY_REGION_RECORDS } from '../../../../src/domain/places/safety-regions.data';

// CBS counts of municipalities on 1 January; a new list must come with its count here.
const MUNICIPALITY_COUNT_ON: Record<string, number> = { '2023-01-01': 342, '2024-01-01': 342, '2025-01-01': 342 };

describe('the safety region register', () => {
  it('holds the 25 regions VR01 to VR25, in the order and with the slugs Brigade records', () => {
    expect(SAFETY_REGION_RECORDS.map((region) => region.code)).toEqual(
      Array.from({ length: 25 }, (_, index) => `VR${String(index + 1).padStart(2, '0')}`),
    );
    expect(SAFETY_REGION_RECORDS.map((region) => region.slug)).toEqual([...SAFETY_REGIONS]);
    expect(safetyRegionCode('noord-en-oost-gelderland')).toBe('VR06');
  });
});

describe('the municipality register', () => {
  it('says for which day it holds and where it comes from', () => {
    expect(MUNICIPALITIES_VALID_ON).toMatch(/^\d{4}-01-01$/);
    expect(MUNICIPALITY_SOURCES.length).toBeGreaterThan(0);
  });

  it('holds as many municipalities as CBS counted on that day', () => {
    expect(MUNICIPALITIES).toHaveLength(MUNICIPALITY_COUNT_ON[MUNICIPALITIES_VALID_ON]);
  });

  it('gives every municipality a unique GM code and a unique name', () => {
    expect(MUNICIPALITIES.every((m) => /^GM\d{4}$/.test(m.code))).toBe(true);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(MUNICIPALITIES.length);
    expect(new Set(MUNICIPALITIES.map((m) => m.name.toLocaleLowerCase('nl'))).size).toBe(MUNICIPALITIES.length);
  });

  it('puts every municipality in exactly one known region, in that region\'s province', () => {
    const regions = new Map<string, { province: string }>(SAFETY_REGION_RECORDS.map((region) => [region.code, region]));
    for (const municipality of MUNICIPALITIES) {
      expect({ code: municipality.code, province: regions.get(municipality.safetyRegion)?.province })
        .toEqual({ code: municipality.code, province: municipality.province });
    }
    expect(new Set(MUNICIPALITIES.map((m) => m.safetyRegion)).size).toBe(25);
    expect(new Set(MUNICIPALITIES.map((m) => m.province))).toEqual(new Set(PROVINCES));
  });

  it.each([
    ['GM0301', 'Zutphen', 'Gelderland', 'VR06', 'noord-en-oost-gelderland'],
    ['GM0363', 'Amsterdam', 'Noord-Holland', 'VR13', 'amsterdam-amstelland'],
    ['GM0518', "'s-Gravenhage", 'Zuid-Holland', 'VR15', 'haaglanden'],
    ['GM1980', 'Dijk en Waard', 'Noord-Holland', 'VR10', 'noord-holland-noord'],
    ['GM1982', 'Land van Cuijk', 'Noord-Brabant', 'VR21', 'brabant-noord'],
    ['GM1991', 'Maashorst', 'Noord-Brabant', 'VR21', 'brabant-noord'],
    ['GM1992', 'Voorne aan Zee', 'Zuid-Holland', 'VR17', 'rotterdam-rijnmond'],
  ])('knows %s as %s in %s, region %s', (code, name, province, regionCode, slug) => {
    expect(municipalityByCode(code)).toEqual({ code, name, province, safetyRegion: regionCode });
    expect(safetyRegionOfMunicipality(code)).toBe(slug);
  });

  it.each(['GM0398', 'GM0416', 'GM0501', 'GM0530', 'GM0614', 'GM0756'])('no longer holds %s, merged before the list\'s day', (code) => {
    expect(isMunicipalityCode(code)).toBe(false);
  });
});

describe('municipalityCodeForName', () => {
  it.each([['Zutphen', 'GM0301'], ['  zutphen ', 'GM0301'], ['’s-Gravenhage', 'GM0518'], ['SUDWEST-FRYSLAN', 'GM1900']])(
    'maps %j to %s', (name, code) => expect(municipalityCodeForName(name)).toBe(code),
  );

  it.each([['Zutph\u0435n'], ['Den Haag'], ['Bergen'], ['GM0301']])('maps nothing to %j', (name) => {
    expect(municipalityCodeForName(name)).toBeUndefined();
  });
});
