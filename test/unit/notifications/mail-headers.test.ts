import { headerValue } from '../../../src/notifications/mail-headers';

describe('reading a header of a raw message', () => {
  const key = '5b1d2c3e-1111-4222-8333-944445555666/17-offerMade-expert-7c9e6679-7425-40de-944b-e07fc1f90ae7/email';

  it('unfolds a value folded onto the next line, as nodemailer folds a long delivery key', () => {
    const raw = `X-Brigade-Reference:\r\n ${key}\r\nSubject: Aanbod\r\n\r\nX-Brigade-Reference: not this one\r\n`;

    expect(headerValue(raw, 'X-Brigade-Reference')).toBe(key);
  });

  it('matches the name in any case, and reads only the header section', () => {
    expect(headerValue('x-brigade-reference: a/b/sms\n\nbody', 'X-Brigade-Reference')).toBe('a/b/sms');
    expect(headerValue(`Subject: about\r\n\r\nX-Brigade-Reference: ${key}\r\n`, 'X-Brigade-Reference')).toBeUndefined();
  });
});
