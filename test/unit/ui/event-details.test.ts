import { en } from '../../../src/ui/client/i18n/en';
import { nl } from '../../../src/ui/client/i18n/nl';
import { eventDetails } from '../../../src/ui/client/components/event-detail-lines';

describe('a manual assignment in a timeline', () => {
  const assigned = {
    expertId: 'e-1', expertName: 'Anna de Vries', note: 'Kent de regio <b>goed</b>',
    warnings: ['lacks_category', 'over_capacity', 'conflict_overridden'],
    override: { conflict: 'own_municipality', reason: 'Enige expert met deze kennis' },
  };

  it('names the expert, the note, every matching rule set aside and the conflict overridden with the coordinator\'s reason', () => {
    const sut = eventDetails('ExpertAssignedManually', assigned, nl);

    expect(sut).toEqual([
      { kind: 'expert', text: 'Expert: Anna de Vries' },
      { kind: 'note', text: 'Toelichting: Kent de regio <b>goed</b>' },
      { kind: 'warning', text: nl.casePage.assignWarning.lacks_category },
      { kind: 'warning', text: nl.casePage.assignWarning.over_capacity },
      { kind: 'warning', text: nl.casePage.assignWarning.conflict_overridden },
      { kind: 'override', text: 'Belangenconflict geaccepteerd (de expert woont in de gemeente van deze zaak). Reden van de coördinator: Enige expert met deze kennis' },
    ]);
  });

  it('says it in English on English pages', () => {
    const sut = eventDetails('ExpertAssignedManually', { ...assigned, override: { conflict: 'declared_conflict', reason: 'Agreed with the mayor' } }, en);

    expect(sut.map((detail) => detail.text)).toContain('Conflict of interest accepted (the expert declared a conflict of interest with this municipality). The coordinator\'s reason: Agreed with the mayor');
    expect(sut.map((detail) => detail.text)).toContain(en.casePage.assignWarning.lacks_category);
  });

  it('names only the expert for an assignment of version 1, without note, warnings or override', () => {
    expect(eventDetails('ExpertAssignedManually', { expertId: 'e-2', expertName: 'Bram Bos' }, nl)).toEqual([{ kind: 'expert', text: 'Expert: Bram Bos' }]);
  });

  it('shows a warning or conflict a newer release added by its code, rather than hide it', () => {
    const sut = eventDetails('ExpertAssignedManually', { expertName: 'Bram Bos', warnings: ['on_leave'], override: { conflict: 'family_ties', reason: 'r' } }, nl);

    expect(sut.map((detail) => detail.text)).toEqual(['Expert: Bram Bos', 'on_leave', 'Belangenconflict geaccepteerd (family_ties). Reden van de coördinator: r']);
  });

  it('adds nothing to other events', () => {
    expect(eventDetails('OfferAccepted', { offerId: 'o-1', expertId: 'e-1' }, nl)).toEqual([]);
  });
});
