import { NOTIFICATION_KINDS } from '../../../src/domain/notifications/notification-kinds';
import { settingsBody, settingsFormOf } from '../../../src/ui/client/notification-settings-form';

describe('the notification settings form', () => {
  it('ticks e-mail for every kind the expert made no choice for, and shows quiet hours off', () => {
    const sut = settingsFormOf({ channels: { offerMade: ['sms'] }, quietHours: null, language: 'nl', hasPhone: true });

    expect(sut.channels.offerMade).toEqual({ email: false, sms: true });
    expect(sut.channels.caseCancelled).toEqual({ email: true, sms: false });
    expect(sut.quiet).toBe(false);
  });

  it('sends every kind with its ticked channels, an unticked kind as an empty list, and quiet hours only when on', () => {
    const form = settingsFormOf({ channels: {}, quietHours: { start: '22:00', end: '07:00' }, language: 'en', hasPhone: true });
    const body = settingsBody({ ...form, channels: { ...form.channels, taskAssigned: { email: true, sms: true }, deadlineMissed: { email: false, sms: false } } });

    expect(Object.keys(body.channels as object)).toEqual([...NOTIFICATION_KINDS]);
    expect(body).toMatchObject({
      channels: { offerMade: ['email'], taskAssigned: ['email', 'sms'], deadlineMissed: [] }, quietHours: { start: '22:00', end: '07:00' }, language: 'en',
    });
    expect(settingsBody({ ...form, quiet: false }).quietHours).toBeNull();
  });
});
