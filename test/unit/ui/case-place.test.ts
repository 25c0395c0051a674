import { casePlace } from '../../../src/ui/client/case-place';

describe('where a case is, on its page', () => {
  it('names the safety region alone, and the municipality as a fact of its own', () => {
    const sut = casePlace({ municipality: 'Dinkelland', safetyRegion: 'twente' });

    expect(sut).toStrictEqual({ municipality: 'Dinkelland', safetyRegion: 'Twente' });
  });
});
