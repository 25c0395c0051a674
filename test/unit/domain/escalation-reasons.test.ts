import { ESCALATION_REASONS, quotedStart } from '../../../src/domain/escalation-reasons';

// A lone half of a surrogate pair is not text PostgreSQL will store: the case's append would be retried for ever.
const wellFormed = (text: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('what an escalation quotes of a person’s words', () => {
  it.each([
    ['emoji that a cut by UTF-16 units would split', `a${'😀'.repeat(300)}`],
    ['tag characters outside the basic plane', `a${'\u{E0061}'.repeat(400)}`],
    ['a flag after an odd number of letters', `abc${'🇳🇱'.repeat(150)}`],
  ])('never cuts a character in half, for %s', (_name, text) => {
    const quoted = quotedStart(text);

    expect(wellFormed(quoted)).toBe(true);
    expect([...quoted]).toHaveLength(200);
    expect(text.startsWith(quoted)).toBe(true);
  });

  it('quotes a short text whole, without the white space around it', () => {
    expect(quotedStart('  the venue has one exit \n')).toBe('the venue has one exit');
  });

  it('quotes the concern and the incident notes the same way', () => {
    const text = `a${'😀'.repeat(300)}`;
    expect(ESCALATION_REASONS.expertConcern(text).params?.concern).toEqual(expect.objectContaining({ params: { text: quotedStart(text) } }));
    expect(ESCALATION_REASONS.interventionIncident(text).params?.notes).toEqual(expect.objectContaining({ params: { text: quotedStart(text) } }));
  });
});
