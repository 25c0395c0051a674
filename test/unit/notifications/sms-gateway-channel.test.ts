import { randomUUID } from 'node:crypto';
import { SmsGatewayChannel } from '../../../src/notifications/channels/sms-gateway-channel';
import { DeliveryRejected, type ChannelReceipt, type EmailChannel, type OutgoingEmail, type OutgoingSms } from '../../../src/notifications/notification-channels.port';

/** An e-mail channel that keeps what it is given and answers with its Message-ID. */
class RecordingEmailChannel implements EmailChannel {
  readonly name = 'recording';
  readonly sent: OutgoingEmail[] = [];

  async send(email: OutgoingEmail): Promise<ChannelReceipt> {
    this.sent.push(email);
    return { reference: email.messageId };
  }
}

describe('the e-mail-to-SMS gateway channel', () => {
  const anSms = (overrides: Partial<OutgoingSms> = {}): OutgoingSms => ({
    reference: `delivery-${randomUUID()}`, to: '+31612345678', language: 'nl', template: 'urgentOffer', text: `Nieuwe opdracht: open Brigade ${randomUUID()}`,
    ...overrides,
  });

  describe('when a text message is sent', () => {
    it('sends the text as a plain e-mail with subject SMS to the number without + at the gateway domain, marked as a text message', async () => {
      const mail = new RecordingEmailChannel();
      const sut = new SmsGatewayChannel(mail, 'sms.brigade.test');
      const sms = anSms({ language: 'en' });

      const receipt = await sut.send(sms);

      expect(mail.sent).toEqual([{
        reference: sms.reference, messageId: expect.stringMatching(/^<[^<>\s@]+@sms\.brigade\.test>$/),
        to: { address: '31612345678@sms.brigade.test' }, language: 'en', template: 'urgentOffer', subject: 'SMS', text: sms.text, carries: 'sms',
      }]);
      expect(mail.sent[0].calendar).toBeUndefined();
      expect(receipt).toEqual({ reference: mail.sent[0].messageId });
    });

    it('gives every retry of one delivery the same Message-ID, and another delivery another', async () => {
      const mail = new RecordingEmailChannel();
      const sut = new SmsGatewayChannel(mail, 'sms.brigade.test');
      const sms = anSms({ reference: `delivery/${randomUUID()} <x>` });

      await sut.send(sms);
      await sut.send(sms);
      await sut.send(anSms());

      const [first, retry, other] = mail.sent.map((email) => email.messageId);
      expect(retry).toBe(first);
      expect(other).not.toBe(first);
      expect(first).toMatch(/^<[A-Za-z0-9._-]+@sms\.brigade\.test>$/);
    });
  });

  describe('when the number is not an international one', () => {
    it.each(['0612345678', '+31 6 12345678', '+31612345678@evil.test', ''])('rejects %p with sms_number and sends nothing', async (to) => {
      const mail = new RecordingEmailChannel();

      const sending = new SmsGatewayChannel(mail, 'sms.brigade.test').send(anSms({ to }));

      await expect(sending).rejects.toBeInstanceOf(DeliveryRejected);
      await expect(sending).rejects.toMatchObject({ code: 'sms_number' });
      expect(mail.sent).toEqual([]);
    });
  });
});
