import { notifyFailure } from '../../../src/notifications/channels/notify-failure';
import { smtpFailure } from '../../../src/notifications/channels/smtp-failure';
import { DeliveryDeferred, DeliveryRejected } from '../../../src/notifications/notification-channels.port';

/** An error shaped like the ones nodemailer throws. */
const smtpError = (fields: { code?: string; responseCode?: number; response?: string; command?: string; message?: string }) =>
  Object.assign(new Error(fields.message ?? `${fields.code ?? 'Error'}${fields.response ? `: ${fields.response}` : ''}`), fields);

/** An error shaped like the ones the Notify client (axios) throws for an HTTP answer. */
const notifyAnswer = (status: number, data: unknown) => Object.assign(new Error(`Request failed with status code ${status}`), { response: { status, data } });

/** Table rows as named cases, so that each test's name says what goes in and what comes out. */
const cases = (rows: ReadonlyArray<readonly [string, unknown, typeof DeliveryRejected | typeof DeliveryDeferred, string]>) =>
  rows.map(([label, error, kind, code]) => ({ label, error, kind, code, outcome: kind.name }));

describe('what an SMTP failure becomes', () => {
  it.each(cases([
    ['a 550 to RCPT TO', smtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 <anna@example.nl>: Recipient address rejected', command: 'RCPT TO' }), DeliveryRejected, 'smtp_550'],
    ['a 535 to AUTH', smtpError({ code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Authentication failed', command: 'AUTH PLAIN' }), DeliveryRejected, 'smtp_535'],
    ['a 503 (bad sequence)', smtpError({ code: 'EENVELOPE', responseCode: 503, response: '503 5.5.1 Error: need RCPT command', command: 'DATA' }), DeliveryDeferred, 'smtp_503'],
    ['a 452 (mailbox full)', smtpError({ code: 'EENVELOPE', responseCode: 452, response: '452 4.2.2 Mailbox full', command: 'RCPT TO' }), DeliveryDeferred, 'smtp_452'],
    ['a STARTTLS the server does not know', smtpError({ code: 'ETLS', responseCode: 500, response: '500 command not recognized', command: 'STARTTLS' }), DeliveryDeferred, 'smtp_tls'],
    ['a certificate that cannot be verified', smtpError({ code: 'ESOCKET', message: 'self-signed certificate' }), DeliveryDeferred, 'smtp_tls'],
    ['a greeting that never came', smtpError({ code: 'ETIMEDOUT', message: 'Greeting never received' }), DeliveryDeferred, 'smtp_unavailable'],
    ['a refused connection', smtpError({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:2525' }), DeliveryDeferred, 'smtp_unavailable'],
    ['missing credentials', smtpError({ code: 'ENOAUTH', message: 'Missing credentials for "PLAIN"' }), DeliveryRejected, 'smtp_auth'],
    ['an envelope without recipients', smtpError({ code: 'EENVELOPE', message: 'No recipients defined' }), DeliveryRejected, 'smtp_envelope'],
  ]))('makes $label a $outcome with code $code', ({ error, kind, code }) => {
    const failure = smtpFailure(error);

    expect(failure).toBeInstanceOf(kind);
    expect(failure.code).toBe(code);
  });

  it('names neither the address nor the number the server quotes', () => {
    const failure = smtpFailure(smtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 <31612345678@sms.example> and <anna@example.nl> unknown, call +31612345678', command: 'RCPT TO' }));

    expect(failure.message).not.toMatch(/anna@example\.nl|31612345678/);
    expect(failure.message).toContain('550');
  });
});

describe('what a Notify failure becomes', () => {
  it.each(cases([
    ['a 400 ValidationError', notifyAnswer(400, { status_code: 400, errors: [{ error: 'ValidationError', message: 'phone_number Not enough digits' }] }), DeliveryRejected, 'notify_400'],
    ['a 403 AuthError', notifyAnswer(403, { status_code: 403, errors: [{ error: 'AuthError', message: 'Error: Your system clock must be accurate to within 30 seconds' }] }), DeliveryRejected, 'notify_403'],
    ['a 404 from a wrong base URL', notifyAnswer(404, '<html>Not Found</html>'), DeliveryRejected, 'notify_404'],
    ['a 408 from a proxy', notifyAnswer(408, undefined), DeliveryDeferred, 'notify_unavailable'],
    ['a 429 RateLimitError', notifyAnswer(429, { status_code: 429, errors: [{ error: 'RateLimitError', message: 'Exceeded rate limit' }] }), DeliveryDeferred, 'notify_429'],
    ['a 502 from a proxy', notifyAnswer(502, '<html>Bad Gateway</html>'), DeliveryDeferred, 'notify_5xx'],
    ['a timeout without an answer', Object.assign(new Error('timeout of 15000ms exceeded'), { code: 'ECONNABORTED' }), DeliveryDeferred, 'notify_unavailable'],
  ]))('makes $label a $outcome with code $code', ({ error, kind, code }) => {
    const failure = notifyFailure(error, []);

    expect(failure).toBeInstanceOf(kind);
    expect(failure.code).toBe(code);
  });

  it('tells Notify\'s error names and messages, without the values it was given', () => {
    const failure = notifyFailure(notifyAnswer(400, { errors: [{ error: 'ValidationError', message: 'email_address anna@example.nl Not a valid email address' }, { error: 'BadRequestError', message: 'secret-text' }] }), ['secret-text']);

    expect(failure.message).toBe('Notify refused the message with 400: ValidationError: email_address <address> Not a valid email address; BadRequestError: …');
  });
});
