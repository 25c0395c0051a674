import { randomUUID } from 'node:crypto';
import { smtpEmailChannel } from '../../src/notifications/channels/smtp-email-channel';
import { DeliveryDeferred, DeliveryRejected, type OutgoingEmail } from '../../src/notifications/notification-channels.port';
import { freePort } from '../support/free-port';
import { RecordingSmtpServer, type RecordingSmtpServerOptions } from '../support/recording-smtp-server';

/** The error `promise` rejects with; fails the test when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

const FROM = 'Vliegende Brigade <brigade@brigade.test>';

const anEmail = (overrides: Partial<OutgoingEmail> = {}): OutgoingEmail => {
  const reference = `delivery-${randomUUID()}`;
  return {
    reference, messageId: `<${reference}@brigade.test>`, to: { address: `expert-${randomUUID()}@example.nl`, name: 'Anna de Vries' },
    language: 'nl', template: 'sessionInvitation', subject: 'Sessie gepland', text: `Open Brigade om de sessie te zien.\n${randomUUID()}`,
    ...overrides,
  };
};

/** The header lines of a raw message, unfolded, as `name: value`. */
const headerLinesOf = (raw: string) => raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ').split('\r\n');

describe('the SMTP e-mail channel', () => {
  const servers: RecordingSmtpServer[] = [];
  const startServer = async (options?: RecordingSmtpServerOptions) => {
    const server = await RecordingSmtpServer.start(options);
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  describe('delivering a message', () => {
    it('sends From, To, Subject, the given Message-ID, Content-Language, the reference and the text, and answers with the Message-ID', async () => {
      const server = await startServer();
      const sut = smtpEmailChannel(`smtp://127.0.0.1:${server.port}`, false, FROM);
      const email = anEmail({ language: 'en' });

      const receipt = await sut.send(email);

      expect(receipt).toEqual({ reference: email.messageId });
      const [{ parsed, recipients }] = server.received;
      expect(recipients).toEqual([email.to.address]);
      expect(parsed.messageId).toBe(email.messageId);
      expect(parsed.subject).toBe(email.subject);
      expect(parsed.from?.value).toEqual([{ name: 'Vliegende Brigade', address: 'brigade@brigade.test' }]);
      expect(parsed.to).toMatchObject({ value: [{ name: 'Anna de Vries', address: email.to.address }] });
      expect(parsed.headers.get('content-language')).toBe('en');
      expect(parsed.headers.get('x-brigade-reference')).toBe(email.reference);
      expect(parsed.headers.has('x-brigade-channel')).toBe(false);
      expect(parsed.text?.trim()).toBe(email.text);
      expect(parsed.attachments).toEqual([]);
    });

    it('attaches a calendar invitation both as a text/calendar alternative with its method and as invite.ics', async () => {
      const server = await startServer();
      const content = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\nUID:${randomUUID()}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;

      await smtpEmailChannel(`smtp://127.0.0.1:${server.port}`, false, FROM).send(anEmail({ calendar: { method: 'CANCEL', content } }));

      const [{ raw, parsed }] = server.received;
      expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/);
      const invite = parsed.attachments.find((attachment) => attachment.filename === 'invite.ics');
      expect(invite?.content.toString('utf8')).toBe(content);
      const alternative = parsed.attachments.find((attachment) => attachment.contentType === 'text/calendar');
      expect(alternative?.content.toString('utf8')).toBe(content);
    });

    it('marks an e-mail that carries a text message with X-Brigade-Channel: sms', async () => {
      const server = await startServer();

      await smtpEmailChannel(`smtp://127.0.0.1:${server.port}`, false, FROM).send(anEmail({ carries: 'sms' }));

      expect(server.received[0].parsed.headers.get('x-brigade-channel')).toBe('sms');
    });

    it('signs in with the user and password of the URL, percent-encoding undone', async () => {
      const login = { user: 'brigade@relay.test', pass: `p@ss:w/rd ${randomUUID()}` };
      const server = await startServer({ login });
      const url = `smtp://${encodeURIComponent(login.user)}:${encodeURIComponent(login.pass)}@127.0.0.1:${server.port}`;

      await smtpEmailChannel(url, false, FROM).send(anEmail());

      expect(server.received).toHaveLength(1);
      expect(server.received[0].user).toBe(login.user);
    });
  });

  describe('on loopback without TLS required, as the embedded default sends', () => {
    it('delivers in the clear even when the server offers STARTTLS with a certificate nobody could verify', async () => {
      const server = await startServer({ offersStartTls: true });

      await smtpEmailChannel(`smtp://127.0.0.1:${server.port}`, false, FROM).send(anEmail());

      expect(server.received).toHaveLength(1);
    });
  });

  describe('against header injection', () => {
    it('keeps CR and LF in the subject and the display name from starting headers of their own', async () => {
      const server = await startServer();
      const email = anEmail({
        subject: 'Sessie\r\nBcc: stowaway@evil.test\r\nX-Injected: subject',
        to: { address: `expert-${randomUUID()}@example.nl`, name: 'Anna\r\nBcc: stowaway@evil.test\nX-Injected: name' },
      });

      await smtpEmailChannel(`smtp://127.0.0.1:${server.port}`, false, FROM).send(email);

      const [{ raw, parsed, recipients }] = server.received;
      expect(recipients).toEqual([email.to.address]);
      const names = headerLinesOf(raw).map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
      expect(names).not.toContain('bcc');
      expect(names).not.toContain('x-injected');
      expect(parsed.headers.has('bcc')).toBe(false);
      expect(parsed.subject).toContain('stowaway@evil.test');
    });
  });

  describe('when the server refuses', () => {
    it('rejects a wrong password with smtp_535', async () => {
      const server = await startServer({ login: { user: 'brigade', pass: 'right' } });

      const error = await rejectionOf(smtpEmailChannel(`smtp://brigade:wrong@127.0.0.1:${server.port}`, false, FROM).send(anEmail()));

      expect(error).toBeInstanceOf(DeliveryRejected);
      expect(error).toMatchObject({ code: 'smtp_535' });
      expect(error.message).not.toContain('wrong');
      expect(server.received).toHaveLength(0);
    });

    it('rejects a permanent refusal (550) with smtp_550, and the message names no address', async () => {
      const server = await startServer({ refuseRecipientsWith: 550 });
      const email = anEmail();

      const error = await rejectionOf(smtpEmailChannel(`smtp://127.0.0.1:${server.port}`, false, FROM).send(email));

      expect(error).toBeInstanceOf(DeliveryRejected);
      expect(error).toMatchObject({ code: 'smtp_550' });
      expect(error.message).not.toContain(email.to.address);
    });

    it('defers a temporary refusal (451) with smtp_451', async () => {
      const server = await startServer({ refuseRecipientsWith: 451 });

      const error = await rejectionOf(smtpEmailChannel(`smtp://127.0.0.1:${server.port}`, false, FROM).send(anEmail()));

      expect(error).toBeInstanceOf(DeliveryDeferred);
      expect(error).toMatchObject({ code: 'smtp_451' });
    });
  });

  describe('when the server cannot be reached safely', () => {
    it('defers with smtp_unavailable when nothing listens', async () => {
      const error = await rejectionOf(smtpEmailChannel(`smtp://127.0.0.1:${await freePort()}`, false, FROM).send(anEmail()));

      expect(error).toBeInstanceOf(DeliveryDeferred);
      expect(error).toMatchObject({ code: 'smtp_unavailable' });
    });

    it('defers with smtp_tls, naming TLS, when TLS is required and the server offers no STARTTLS', async () => {
      const server = await startServer();

      const error = await rejectionOf(smtpEmailChannel(`smtp://127.0.0.1:${server.port}`, true, FROM).send(anEmail()));

      expect(error).toBeInstanceOf(DeliveryDeferred);
      expect(error).toMatchObject({ code: 'smtp_tls' });
      expect(error.message).toMatch(/TLS/);
      expect(server.received).toHaveLength(0);
    });

    it('defers with smtp_tls when an smtps:// server\'s certificate cannot be verified', async () => {
      const server = await startServer({ implicitTls: true });

      const error = await rejectionOf(smtpEmailChannel(`smtps://127.0.0.1:${server.port}`, false, FROM).send(anEmail()));

      expect(error).toBeInstanceOf(DeliveryDeferred);
      expect(error).toMatchObject({ code: 'smtp_tls' });
      expect(server.received).toHaveLength(0);
    });

    it('defers with smtp_tls when STARTTLS is required and the server\'s certificate cannot be verified', async () => {
      const server = await startServer({ offersStartTls: true });

      const error = await rejectionOf(smtpEmailChannel(`smtp://127.0.0.1:${server.port}`, true, FROM).send(anEmail()));

      expect(error).toBeInstanceOf(DeliveryDeferred);
      expect(error).toMatchObject({ code: 'smtp_tls' });
      expect(server.received).toHaveLength(0);
    });
  });
});
