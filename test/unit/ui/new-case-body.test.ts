import { registerCaseBody, type NewCaseForm } from '../../../src/ui/client/new-case-body';

const EMPTY: NewCaseForm = {
  category: '', municipality: '', requesterRole: '', description: '', eventDate: '',
  officeHolderName: '', officeHolderOffice: '', officeHolderDetails: '',
  threatsReceived: false, expectedAttendance: '', priorIncidents: '', mediaAttention: '', onlineAgitation: false, officeHolderPersonallyTargeted: false,
};

describe('the body the new-request form sends', () => {
  it('sends a filled form as POST /cases expects it', () => {
    const sut = registerCaseBody({
      ...EMPTY, category: 'CITIZEN_MEETING', municipality: 'Utrecht', requesterRole: 'mayor',
      description: 'Inspraakavond', eventDate: '20-01-2027 19:30', officeHolderName: 'J. de Boer', officeHolderOffice: 'wethouder',
      threatsReceived: true, expectedAttendance: ' 400 ', priorIncidents: '0', mediaAttention: 'local',
    });

    expect(sut).toEqual({
      category: 'CITIZEN_MEETING', municipalityCode: 'GM0344', requesterRole: 'mayor', description: 'Inspraakavond',
      // Typed as Dutch wall-clock time: 19:30 in Amsterdam in winter is 18:30 UTC, whatever the machine's zone.
      eventDate: '2027-01-20T18:30:00.000Z',
      officeHolder: { name: 'J. de Boer', office: 'wethouder' },
      indicators: { threatsReceived: true, expectedAttendance: 400, priorIncidents: 0, mediaAttention: 'local' },
    });
  });

  it('leaves out what is not filled, so the API names each missing required field itself', () => {
    expect(registerCaseBody(EMPTY)).toEqual({ municipalityCode: '', description: '', indicators: {} });
  });

  it('sends a count that is not a whole number as typed, for the API to refuse by name', () => {
    expect(registerCaseBody({ ...EMPTY, expectedAttendance: 'veel', priorIncidents: '2.5' }).indicators)
      .toEqual({ expectedAttendance: 'veel', priorIncidents: '2.5' });
  });

  it('sends the office holder as soon as one of its fields is filled', () => {
    expect(registerCaseBody({ ...EMPTY, officeHolderDetails: 'ontving dreigbrieven' }).officeHolder)
      .toEqual({ name: '', office: '', details: 'ontving dreigbrieven' });
  });
});
