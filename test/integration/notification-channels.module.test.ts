import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { ConfigModule } from '../../src/config/config.module';
import { RuntimeConnections } from '../../src/config/runtime-connections';
import { EMBEDDED_SMTP_ADDRESS, NotificationChannelsModule } from '../../src/notifications/channels/notification-channels.module';
import {
  DeliveryRejected, EMAIL_CHANNEL, SMS_CHANNEL, type EmailChannel, type OutgoingEmail, type OutgoingSms, type SmsChannel,
} from '../../src/notifications/notification-channels.port';
import { NotifyApiServer } from '../support/notify-api-server';
import { RecordingSmtpServer } from '../support/recording-smtp-server';

/** The two channels `channelsModule` binds for the settings of `env`. */
async function channelsFor(env: NodeJS.ProcessEnv, channelsModule: DynamicModule | typeof NotificationChannelsModule = NotificationChannelsModule) {
  const config = loadBrigadeConfig(env);
  const nest = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(config, new RuntimeConnections('postgres://unused', 'unused:7233', undefined)), channelsModule],
  }).compile();
  return { email: nest.get<EmailChannel>(EMAIL_CHANNEL), sms: nest.get<SmsChannel>(SMS_CHANNEL), close: () => nest.close() };
}

const anEmail = (): OutgoingEmail => {
  const reference = `delivery-${randomUUID()}`;
  return { reference, messageId: `<${reference}@brigade.test>`, to: { address: 'expert@example.nl' }, language: 'nl', template: 'taskAssigned', subject: 'Nieuwe taak', text: 'Open Brigade.' };
};
const anSms = (): OutgoingSms => ({ reference: `delivery-${randomUUID()}`, to: '+31612345678', language: 'nl', template: 'urgentOffer', text: 'Open Brigade.' });

describe('the notification channels module', () => {
  let smtp: RecordingSmtpServer;
  beforeEach(async () => {
    smtp = await RecordingSmtpServer.start();
  });
  afterEach(async () => {
    await smtp.close();
  });

  describe('on the embedded default', () => {
    it('sends e-mail and, through the gateway, text messages to the embedded server at the address its module provides', async () => {
      @Global()
      @Module({ providers: [{ provide: EMBEDDED_SMTP_ADDRESS, useValue: { host: '127.0.0.1', port: smtp.port } }], exports: [EMBEDDED_SMTP_ADDRESS] })
      class EmbeddedSmtpAddressModule {}
      const sut = await channelsFor({}, NotificationChannelsModule.withEmbeddedSmtp(EmbeddedSmtpAddressModule));

      await sut.email.send(anEmail());
      await sut.sms.send(anSms());
      await sut.close();

      expect(smtp.received.map((message) => message.recipients)).toEqual([['expert@example.nl'], ['31612345678@sms.brigade.local']]);
      expect(smtp.received[1].parsed.headers.get('x-brigade-channel')).toBe('sms');
    });

    it('falls back to the configured embedded port on loopback when no module provides the address', async () => {
      const sut = await channelsFor({ BRIGADE_EMBEDDED_SMTP_PORT: String(smtp.port) });

      await sut.email.send(anEmail());
      await sut.close();

      expect(smtp.received).toHaveLength(1);
    });
  });

  describe('with an SMTP relay', () => {
    it('sends through the relay of BRIGADE_SMTP_URL', async () => {
      const sut = await channelsFor({ BRIGADE_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, BRIGADE_SMS_TRANSPORT: 'gateway', BRIGADE_SMS_GATEWAY_DOMAIN: 'sms.gateway.test' });

      await sut.email.send(anEmail());
      await sut.sms.send(anSms());
      await sut.close();

      expect(smtp.received.map((message) => message.recipients)).toEqual([['expert@example.nl'], ['31612345678@sms.gateway.test']]);
    });
  });

  describe('with Notify', () => {
    it('sends e-mail and text messages with the configured key and templates', async () => {
      const notify = await NotifyApiServer.start();
      try {
        const sut = await channelsFor({
          BRIGADE_NOTIFY_API_KEY: notify.apiKey, BRIGADE_NOTIFY_BASE_URL: notify.baseUrl,
          BRIGADE_NOTIFY_EMAIL_TEMPLATE_ID: notify.emailTemplateId, BRIGADE_NOTIFY_SMS_TEMPLATE_ID: notify.smsTemplateId,
        });

        await sut.email.send(anEmail());
        await sut.sms.send(anSms());
        await sut.close();

        expect(notify.sent.map((notification) => notification.type)).toEqual(['email', 'sms']);
        expect(smtp.received).toHaveLength(0);
      } finally {
        await notify.close();
      }
    });
  });

  describe('with both switched off', () => {
    it('rejects every message with channel_off', async () => {
      const sut = await channelsFor({ BRIGADE_MAIL_TRANSPORT: 'off', BRIGADE_SMS_TRANSPORT: 'off' });

      const email = sut.email.send(anEmail());
      const sms = sut.sms.send(anSms());

      await expect(email).rejects.toBeInstanceOf(DeliveryRejected);
      await expect(email).rejects.toMatchObject({ code: 'channel_off', message: 'mail is switched off' });
      await expect(sms).rejects.toMatchObject({ code: 'channel_off', message: 'text messages are switched off' });
      await sut.close();
    });
  });
});
