import { DeliveryRejected, type ChannelReceipt, type EmailChannel, type SmsChannel } from '../notification-channels.port';

/** Stands in for a transport that is switched off: every message is rejected at once, so its delivery is recorded as failed. */
export class SwitchedOffChannel implements EmailChannel, SmsChannel {
  constructor(
    readonly name: string,
    private readonly what: 'mail' | 'text messages',
  ) {}

  send(): Promise<ChannelReceipt> {
    return Promise.reject(new DeliveryRejected(`${this.what} ${this.what === 'mail' ? 'is' : 'are'} switched off`, 'channel_off'));
  }
}
