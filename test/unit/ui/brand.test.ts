import { en } from '../../../src/ui/client/i18n/en';
import { nl } from '../../../src/ui/client/i18n/nl';

describe('the brand on the screens', () => {
  it.each([['Dutch', nl], ['English', en]])('is one name in the %s header, title and footer', (_language, m) => {
    expect(m.app.footer.startsWith(`${m.app.brand} — `)).toBe(true);
  });

  it('reads in the page\'s language', () => {
    expect(nl.app.brand).toBe('Vliegende Brigade');
    expect(en.app.brand).toBe('Flying Brigade');
  });
});
