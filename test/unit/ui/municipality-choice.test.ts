import { MUNICIPALITY_CHOICES, municipalityCodeOfChoice, safetyRegionOfChoice } from '../../../src/ui/client/municipality-choice';

describe('the municipality field of the screens', () => {
  it('offers every municipality of the register once, by name, in Dutch alphabetical order', () => {
    const names = MUNICIPALITY_CHOICES.map((choice) => choice.name);
    expect(names).toHaveLength(342);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));
    expect(names).toEqual(expect.arrayContaining(['Zutphen', "'s-Gravenhage", 'Súdwest-Fryslân']));
  });

  it.each([['Zutphen', 'GM0301'], [' zutphen ', 'GM0301'], ['gm0301', 'GM0301'], ['GM0363', 'GM0363']])(
    'sends %j as the code %s', (typed, code) => expect(municipalityCodeOfChoice(typed)).toBe(code),
  );

  it('sends a look-alike spelling as typed, so the API refuses it by name instead of sending Zutphen\'s code', () => {
    expect(municipalityCodeOfChoice('Zutph\u0435n')).toBe('Zutph\u0435n');
  });

  it('shows the safety region that follows from a register name, and none while the text is no name', () => {
    expect(safetyRegionOfChoice('Zutphen')).toBe('noord-en-oost-gelderland');
    expect(safetyRegionOfChoice('Zutph')).toBeNull();
  });
});
