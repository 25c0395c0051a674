import { randomUUID } from 'node:crypto';
import { NotifyEmailChannel, NotifySmsChannel } from '../../src/notifications/channels/notify-channels';
import { DeliveryDeferred, DeliveryRejected, type OutgoingEmail, type OutgoingSms } from '../../src/notifications/notification-channels.port';
import { freePort } from '../support/free-port';
import { NotifyApiServer, type NotifyErrorStatus } from '../support/notify-api-server';

/** The error `promise` rejects with; fails the test when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

describe('the NotifyNL/GOV.UK Notify channels', () => {
  let notify: NotifyApiServer;

  beforeEach(async () => {
    notify = await NotifyApiServer.start();
  });
  afterEach(async () => {
    await notify.close();
  });

  const emailChannel = (apiKey = notify.apiKey, baseUrl = notify.baseUrl) => new NotifyEmailChannel({ baseUrl, apiKey, templateId: notify.emailTemplateId });
  const smsChannel = (apiKey = notify.apiKey) => new NotifySmsChannel({ baseUrl: notify.baseUrl, apiKey, templateId: notify.smsTemplateId });

  const anEmail = (overrides: Partial<OutgoingEmail> = {}): OutgoingEmail => {
    const reference = `delivery-${randomUUID()}`;
    return {
      reference, messageId: `<${reference}@brigade.test>`, to: { address: `expert-${randomUUID()}@example.nl`, name: 'Anna de Vries' },
      language: 'nl', template: 'sessionInvitation', subject: `Sessie gepland ${randomUUID()}`, text: `Open Brigade om de sessie te zien ${randomUUID()}`,
      ...overrides,
    };
  };
  const anSms = (overrides: Partial<OutgoingSms> = {}): OutgoingSms => ({
    reference: `delivery-${randomUUID()}`, to: '+31612345678', language: 'nl', template: 'urgentOffer', text: `Nieuwe opdracht: open Brigade ${randomUUID()}`,
    ...overrides,
  });

  describe('sending e-mail', () => {
    it('posts the template with subject and body as personalisation, the address and the reference, and answers with Notify\'s id', async () => {
      const sut = emailChannel();
      const email = anEmail();

      const receipt = await sut.send(email);

      expect(notify.requests).toHaveLength(1);
      const [request] = notify.requests;
      expect(request).toMatchObject({ method: 'POST', path: '/v2/notifications/email' });
      expect(request.body).toEqual({
        template_id: notify.emailTemplateId, email_address: email.to.address, reference: email.reference,
        personalisation: { subject: email.subject, body: email.text },
      });
      expect(receipt).toEqual({ reference: notify.sent[0].id });
    });

    it('signs each request with a token Notify accepts: HS256 with the service id as issuer and a fresh iat', async () => {
      await emailChannel().send(anEmail());

      const [request] = notify.requests;
      expect(request.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
      expect(request.claims?.iss).toBe(notify.serviceId);
      expect(Math.abs(Date.now() / 1000 - (request.claims?.iat ?? 0))).toBeLessThan(30);
    });

    it('goes to the configured base URL, not to GOV.UK', async () => {
      await emailChannel().send(anEmail());

      expect(notify.requests).toHaveLength(1);
      expect(notify.requests[0].headers['user-agent']).toMatch(/^NOTIFY-API-NODE-CLIENT\//);
    });

    it('leaves a calendar invitation\'s .ics out, sending only the subject and the text', async () => {
      const content = `BEGIN:VCALENDAR\r\nUID:${randomUUID()}\r\nEND:VCALENDAR\r\n`;

      await emailChannel().send(anEmail({ calendar: { method: 'REQUEST', content } }));

      expect(Object.keys(notify.requests[0].body?.personalisation as object).sort()).toEqual(['body', 'subject']);
      expect(JSON.stringify(notify.requests[0].body)).not.toContain('VCALENDAR');
    });
  });

  describe('sending a text message', () => {
    it('posts the template with the text as personalisation, the number and the reference, and answers with Notify\'s id', async () => {
      const sut = smsChannel();
      const sms = anSms();

      const receipt = await sut.send(sms);

      const [request] = notify.requests;
      expect(request).toMatchObject({ method: 'POST', path: '/v2/notifications/sms' });
      expect(request.body).toEqual({ template_id: notify.smsTemplateId, phone_number: sms.to, reference: sms.reference, personalisation: { body: sms.text } });
      expect(request.claims?.iss).toBe(notify.serviceId);
      expect(receipt).toEqual({ reference: notify.sent[0].id });
    });
  });

  describe('finding a message sent before a crash', () => {
    it('answers with the id Notify gave the message with that reference', async () => {
      const sut = emailChannel();
      const email = anEmail();
      await sut.send(anEmail());
      const receipt = await sut.send(email);

      await expect(sut.findSent(email.reference)).resolves.toEqual(receipt);
      expect(notify.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v2/notifications', query: { template_type: 'email', reference: email.reference } });
    });

    it('answers undefined for a reference Notify never saw, so the message is sent', async () => {
      await emailChannel().send(anEmail());

      await expect(emailChannel().findSent(`delivery-${randomUUID()}`)).resolves.toBeUndefined();
    });

    it('looks among text messages only for a text message', async () => {
      const email = anEmail();
      await emailChannel().send(email);
      const sms = anSms();
      const receipt = await smsChannel().send(sms);

      await expect(smsChannel().findSent(email.reference)).resolves.toBeUndefined();
      await expect(smsChannel().findSent(sms.reference)).resolves.toEqual(receipt);
    });

    it('defers when Notify cannot answer the look-up', async () => {
      notify.failNext(1, 500);

      const error = await rejectionOf(emailChannel().findSent(`delivery-${randomUUID()}`));

      expect(error).toBeInstanceOf(DeliveryDeferred);
      expect(error).toMatchObject({ code: 'notify_5xx' });
    });
  });

  describe('when Notify answers with an error', () => {
    it.each<[NotifyErrorStatus, typeof DeliveryRejected | typeof DeliveryDeferred, string]>([
      [400, DeliveryRejected, 'notify_400'],
      [403, DeliveryRejected, 'notify_403'],
      [429, DeliveryDeferred, 'notify_429'],
      [500, DeliveryDeferred, 'notify_5xx'],
    ])('maps %i to %p with code %s, for e-mail and text messages alike', async (status, kind, code) => {
      notify.failNext(2, status);

      const emailError = await rejectionOf(emailChannel().send(anEmail()));
      const smsError = await rejectionOf(smsChannel().send(anSms()));

      for (const error of [emailError, smsError]) {
        expect(error).toBeInstanceOf(kind);
        expect(error).toMatchObject({ code });
      }
    });

    it('rejects an address Notify finds invalid (ValidationError) with notify_400', async () => {
      const error = await rejectionOf(emailChannel().send(anEmail({ to: { address: 'geen-adres' } })));

      expect(error).toBeInstanceOf(DeliveryRejected);
      expect(error).toMatchObject({ code: 'notify_400' });
      expect(error.message).toContain('ValidationError');
    });

    it('rejects a template Notify does not know with notify_400', async () => {
      const sut = new NotifySmsChannel({ baseUrl: notify.baseUrl, apiKey: notify.apiKey, templateId: randomUUID() });

      const error = await rejectionOf(sut.send(anSms()));

      expect(error).toBeInstanceOf(DeliveryRejected);
      expect(error).toMatchObject({ code: 'notify_400' });
    });

    it('defers a daily send limit (TooManyRequestsError) with notify_429', async () => {
      notify.failNext(1, 429, { error: 'TooManyRequestsError', message: 'Exceeded send limits (250000) for today' });

      const error = await rejectionOf(smsChannel().send(anSms()));

      expect(error).toBeInstanceOf(DeliveryDeferred);
      expect(error).toMatchObject({ code: 'notify_429' });
    });

    it('rejects a key whose secret Notify does not know with notify_403, since retrying cannot mend a key', async () => {
      const wrongKey = `brigade_test-${notify.serviceId}-${randomUUID()}`;

      const error = await rejectionOf(emailChannel(wrongKey).send(anEmail()));

      expect(error).toBeInstanceOf(DeliveryRejected);
      expect(error).toMatchObject({ code: 'notify_403' });
      expect(notify.sent).toHaveLength(0);
    });

    it('defers with notify_unavailable when nothing answers at the base URL', async () => {
      const nowhere = `http://127.0.0.1:${await freePort()}`;

      const error = await rejectionOf(emailChannel(notify.apiKey, nowhere).send(anEmail()));

      expect(error).toBeInstanceOf(DeliveryDeferred);
      expect(error).toMatchObject({ code: 'notify_unavailable' });
    });
  });

  describe('what a failure tells', () => {
    const toldBy = (error: Error) => `${error.message} ${error.stack ?? ''} ${JSON.stringify(error)} ${String((error as { cause?: unknown }).cause)}`;

    it('carries neither the key, nor the address, nor the subject or text of an e-mail, even when Notify quotes them', async () => {
      const email = anEmail();
      const wrongKey = `brigade_test-${notify.serviceId}-${randomUUID()}`;
      notify.failNext(1, 400, { error: 'ValidationError', message: `${email.to.address} ${notify.apiKey} ${email.subject} ${email.text}` });

      const errors = [
        await rejectionOf(emailChannel().send(email)),
        await rejectionOf(emailChannel(wrongKey).send(email)),
        await rejectionOf(emailChannel(notify.apiKey, `http://127.0.0.1:${await freePort()}`).send(email)),
      ];

      for (const error of errors) {
        for (const secret of [notify.apiKey, notify.secret, wrongKey, email.to.address, email.subject, email.text]) expect(toldBy(error)).not.toContain(secret);
      }
    });

    it('carries neither the key, nor the number, nor the text of a text message, even when Notify quotes them', async () => {
      const sms = anSms();
      notify.failNext(1, 400, { error: 'ValidationError', message: `phone_number ${sms.to} ${notify.apiKey} ${sms.text}` });

      const error = await rejectionOf(smsChannel().send(sms));

      expect(error.message).toContain('ValidationError: phone_number');
      for (const secret of [notify.apiKey, notify.secret, sms.to, sms.text]) expect(toldBy(error)).not.toContain(secret);
    });
  });
});
