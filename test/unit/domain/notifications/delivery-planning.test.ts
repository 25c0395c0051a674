import { channelsFor, quietUntil } from '../../../../src/domain/notifications/delivery-planning';
import type { NotificationIntent } from '../../../../src/domain/notifications/notification-intent';

const intent = (change: Partial<NotificationIntent> = {}): NotificationIntent => ({
  notificationId: 'v4-offerMade-expert-e1', caseId: 'c1', kind: 'offerMade', recipient: { kind: 'expert', id: 'e1' }, critical: false, link: 'inbox', ...change,
});
const both = { email: true, sms: true };
const reachable = { hasEmail: true, hasPhone: true };

describe('the channels of a notification', () => {
  it('e-mail unless the expert chose otherwise for that kind', () => {
    expect(channelsFor(intent(), reachable, both)).toEqual(['email']);
    expect(channelsFor(intent(), { ...reachable, preferences: { channels: { offerMade: ['sms'] }, quietHours: null } }, both)).toEqual(['sms']);
    expect(channelsFor(intent({ kind: 'taskAssigned' }), { ...reachable, preferences: { channels: { taskAssigned: ['email', 'sms'] }, quietHours: null } }, both)).toEqual(['email', 'sms']);
  });

  it('a critical offer and an escalation reaching a partner go by text message as well', () => {
    expect(channelsFor(intent({ critical: true }), reachable, both)).toEqual(['email', 'sms']);
    expect(channelsFor(intent({ kind: 'escalationClimbed', recipient: { kind: 'partner', id: 'police' }, link: 'none' }), reachable, both)).toEqual(['email', 'sms']);
    expect(channelsFor(intent({ kind: 'escalationRaised', recipient: { kind: 'role', id: 'dutyCoordinator' }, link: 'case' }), reachable, both)).toEqual(['email']);
    expect(channelsFor(intent({ kind: 'taskAssigned', critical: true }), reachable, both)).toEqual(['email']);
  });

  it('sends a session invitation by e-mail also to whoever chose text messages, since only e-mail carries the calendar', () => {
    const calendar = { method: 'REQUEST' as const, uid: 'session-c1@brigade', sequence: 7, startsAt: '2026-12-10T09:00:00.000Z' };
    const smsOnly = { channels: { sessionScheduled: ['sms'] as const }, quietHours: null };
    expect(channelsFor(intent({ kind: 'sessionScheduled', calendar }), { ...reachable, preferences: smsOnly }, both)).toEqual(['email', 'sms']);
    expect(channelsFor(intent({ kind: 'sessionScheduled', calendar }), { hasEmail: false, hasPhone: true, preferences: smsOnly }, both)).toEqual(['sms']);
  });

  it('falls back to the other channel when an address or a transport is missing, and to none when neither is there', () => {
    const smsOnly = { channels: { offerMade: ['sms'] as const }, quietHours: null };
    expect(channelsFor(intent(), { hasEmail: true, hasPhone: false, preferences: smsOnly }, both)).toEqual(['email']);
    expect(channelsFor(intent(), { hasEmail: false, hasPhone: true }, both)).toEqual(['sms']);
    expect(channelsFor(intent({ critical: true }), reachable, { email: true, sms: false })).toEqual(['email']);
    expect(channelsFor(intent(), { hasEmail: false, hasPhone: false }, both)).toEqual([]);
    expect(channelsFor(intent(), reachable, { email: false, sms: false })).toEqual([]);
  });
});

describe('quiet hours', () => {
  const night = { start: '22:00', end: '07:00' };
  it('hold a message inside them until they end, on the clock of the brigade', () => {
    // 23:30 in Amsterdam in winter is 22:30 UTC; quiet hours end at 07:00 local, 06:00 UTC.
    expect(quietUntil(intent(), night, '2026-12-07T22:30:00.000Z', 'Europe/Amsterdam')).toBe('2026-12-08T06:00:00.000Z');
    expect(quietUntil(intent(), night, '2026-12-08T05:59:30.000Z', 'Europe/Amsterdam')).toBe('2026-12-08T06:00:00.000Z');
    expect(quietUntil(intent(), { start: '12:00', end: '13:00' }, '2026-07-01T10:15:00.000Z', 'Europe/Amsterdam')).toBe('2026-07-01T11:00:00.000Z');
  });

  it('let a message outside them, a critical one and one without quiet hours go at once', () => {
    expect(quietUntil(intent(), night, '2026-12-07T12:00:00.000Z', 'Europe/Amsterdam')).toBeUndefined();
    expect(quietUntil(intent(), night, '2026-12-08T06:00:00.000Z', 'Europe/Amsterdam')).toBeUndefined();
    expect(quietUntil(intent({ critical: true }), night, '2026-12-07T22:30:00.000Z', 'Europe/Amsterdam')).toBeUndefined();
    expect(quietUntil(intent(), null, '2026-12-07T22:30:00.000Z', 'Europe/Amsterdam')).toBeUndefined();
  });
});
