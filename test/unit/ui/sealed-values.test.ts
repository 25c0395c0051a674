import { sealedValuesInWords } from '../../../src/ui/client/sealed-values';
import { DESTROYED, REDACTED } from '../../../src/domain/sensitive-fields';

describe("the screens' words for sealed values", () => {
  const answer = {
    request: { description: DESTROYED, officeHolder: { name: DESTROYED, office: 'wethouder' } },
    team: [{ expertId: 'e-1', name: DESTROYED }, { expertId: 'e-2', name: 'Anouk de Vries' }],
    offered: REDACTED, version: 7, closed: null,
  };

  it('shows a destroyed value as "vernietigd" and a withheld one as "afgeschermd" in Dutch, leaving everything else', () => {
    expect(sealedValuesInWords(answer, 'nl')).toEqual({
      request: { description: 'vernietigd', officeHolder: { name: 'vernietigd', office: 'wethouder' } },
      team: [{ expertId: 'e-1', name: 'vernietigd' }, { expertId: 'e-2', name: 'Anouk de Vries' }],
      offered: 'afgeschermd', version: 7, closed: null,
    });
  });

  it('shows them as "destroyed" and "withheld" in English', () => {
    expect(sealedValuesInWords(answer, 'en')).toMatchObject({ request: { description: 'destroyed' }, offered: 'withheld' });
  });
});
