import { endingReached, nextChangeInMs, sessionTimeView, warningLeadMs, type SessionLimits } from '../../../src/ui/client/session-timing';

const MINUTE = 60_000;
const T0 = Date.parse('2026-12-01T10:00:00.000Z');

/** A session with a 30-minute idle timeout whose idle and absolute endings are these many minutes after T0. */
function limits(idleInMinutes: number, absoluteInMinutes: number, idleTimeoutSeconds = 1800): SessionLimits {
  return { idleExpiresAtMs: T0 + idleInMinutes * MINUTE, absoluteExpiresAtMs: T0 + absoluteInMinutes * MINUTE, idleTimeoutSeconds };
}

describe('what the screens say about the session at a moment', () => {
  describe('when both endings are far off', () => {
    it('says nothing', () => {
      expect(sessionTimeView(limits(30, 600), T0)).toEqual({ kind: 'active', ending: 'idle', expiresAtMs: T0 + 30 * MINUTE });
    });

    it('looks again when the idle warning is due', () => {
      expect(nextChangeInMs(limits(30, 600), T0)).toBe(25 * MINUTE);
    });
  });

  describe('when the idle ending is five minutes or less away', () => {
    it('warns with the minutes left, rounded up, and offers to stay signed in', () => {
      expect(sessionTimeView(limits(30, 600), T0 + 25 * MINUTE + 1)).toEqual({
        kind: 'warning', ending: 'idle', expiresAtMs: T0 + 30 * MINUTE, minutesLeft: 5, canExtend: true,
      });
      expect(sessionTimeView(limits(30, 600), T0 + 29 * MINUTE + 30_000)).toMatchObject({ kind: 'warning', minutesLeft: 1 });
    });

    it('looks again when the next minute ticks over', () => {
      expect(nextChangeInMs(limits(30, 600), T0 + 27 * MINUTE + 20_000)).toBe(40_000);
      expect(nextChangeInMs(limits(30, 600), T0 + 27 * MINUTE)).toBe(MINUTE);
    });
  });

  describe('when the absolute ending comes first', () => {
    it('warns five minutes before it, without offering to stay signed in', () => {
      expect(sessionTimeView(limits(30, 20), T0 + 16 * MINUTE)).toEqual({
        kind: 'warning', ending: 'absolute', expiresAtMs: T0 + 20 * MINUTE, minutesLeft: 4, canExtend: false,
      });
    });

    it('counts a tie as the absolute ending, which no activity moves', () => {
      expect(sessionTimeView(limits(20, 20), T0 + 19 * MINUTE)).toMatchObject({ ending: 'absolute', canExtend: false });
    });
  });

  describe('when an ending has passed', () => {
    it('says the session has expired, and why', () => {
      expect(sessionTimeView(limits(30, 600), T0 + 30 * MINUTE)).toEqual({ kind: 'expired', ending: 'idle' });
      expect(sessionTimeView(limits(30, 20), T0 + 21 * MINUTE)).toEqual({ kind: 'expired', ending: 'absolute' });
    });

    it('looks again at once', () => {
      expect(nextChangeInMs(limits(30, 600), T0 + 31 * MINUTE)).toBe(0);
    });
  });

  describe('with a short idle timeout', () => {
    it('warns for a third of it rather than five minutes', () => {
      expect(warningLeadMs('idle', 90)).toBe(30_000);
      expect(warningLeadMs('idle', 3600)).toBe(5 * MINUTE);
      expect(warningLeadMs('absolute', 90)).toBe(5 * MINUTE);
      expect(sessionTimeView(limits(1.5, 600, 90), T0 + 30_000)).toMatchObject({ kind: 'active' });
      expect(sessionTimeView(limits(1.5, 600, 90), T0 + 61_000)).toMatchObject({ kind: 'warning', minutesLeft: 1 });
    });
  });
});

describe('a refusal that comes as the clock runs out', () => {
  it('is the ending the clock foretold, allowing for clocks a little apart', () => {
    expect(endingReached(limits(30, 600), T0 + 30 * MINUTE - 2_000, 3_000)).toBe('idle');
    expect(endingReached(limits(30, 20), T0 + 20 * MINUTE, 0)).toBe('absolute');
  });

  it('is no ending while there is time left', () => {
    expect(endingReached(limits(30, 600), T0 + 10 * MINUTE, 3_000)).toBeNull();
  });
});
