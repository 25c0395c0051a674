import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { BrigadeConfig } from '../../config/brigade-config';
import { EMAIL_CHANNEL, SMS_CHANNEL, type EmailChannel } from '../notification-channels.port';
import { EMBEDDED_SMTP_ADDRESS, type EmbeddedSmtpAddress } from '../embedded-smtp-address';
import { emailChannelFor, smsChannelFor } from './channels-for-config';

export { EMBEDDED_SMTP_ADDRESS, type EmbeddedSmtpAddress };

/** Provides EMAIL_CHANNEL and SMS_CHANNEL as the notification settings choose them. */
@Module({
  providers: [
    {
      provide: EMAIL_CHANNEL,
      inject: [BrigadeConfig, { token: EMBEDDED_SMTP_ADDRESS, optional: true }],
      // Without the embedded server's own word, its configured port on loopback is where it listens.
      useFactory: (config: BrigadeConfig, embedded: EmbeddedSmtpAddress | undefined) =>
        emailChannelFor(config.notifications, embedded ?? { host: '127.0.0.1', port: config.notifications.embeddedSmtpPort }),
    },
    {
      provide: SMS_CHANNEL,
      inject: [BrigadeConfig, EMAIL_CHANNEL],
      useFactory: (config: BrigadeConfig, email: EmailChannel) => smsChannelFor(config.notifications, email),
    },
  ],
  exports: [EMAIL_CHANNEL, SMS_CHANNEL],
})
export class NotificationChannelsModule {
  /** The same channels, with the module that provides EMBEDDED_SMTP_ADDRESS imported so the address comes from it. */
  static withEmbeddedSmtp(...imports: NonNullable<ModuleMetadata['imports']>): DynamicModule {
    return { module: NotificationChannelsModule, imports };
  }
}
