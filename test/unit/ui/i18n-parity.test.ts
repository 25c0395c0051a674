import { en } from '../../../src/ui/client/i18n/en';
import { nl } from '../../../src/ui/client/i18n/nl';

/** Every key path of a dictionary, with what is there: a text, or a template and how many parameters it takes. */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return [`${path}: text`];
  if (typeof value === 'function') return [`${path}: template(${value.length})`];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => shape(inner, path ? `${path}.${key}` : key));
}

describe('the Dutch and English dictionaries', () => {
  it('have the same keys, each a text in both or a template with the same parameters in both', () => {
    expect(shape(en)).toEqual(shape(nl));
  });

  it('leave no text empty in either language', () => {
    const texts = (value: unknown): string[] => (typeof value === 'string' ? [value]
      : typeof value === 'object' && value !== null ? Object.values(value).flatMap(texts) : []);
    expect(texts(nl).filter((text) => text.trim() === '')).toEqual([]);
    expect(texts(en).filter((text) => text.trim() === '')).toEqual([]);
  });

  it('fill in their templates', () => {
    expect(nl.board.escalationsCount(2)).toBe('2 open escalaties');
    expect(en.board.escalationsCount(1)).toBe('1 open escalation');
    expect(nl.countdown.overdue('5 min')).toBe('5 min te laat');
    expect(en.countdown.left('2 d 3 h')).toBe('2 d 3 h left');
  });
});
