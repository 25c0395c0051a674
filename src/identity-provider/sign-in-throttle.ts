/** How many wrong passwords or codes an account may see within the window before it is locked for the rest of it. */
export const SIGN_IN_ATTEMPTS = 5;
const WINDOW_MS = 5 * 60_000;
// Bounds the memory a flood of made-up addresses can take; the oldest entries go first.
const MAX_TRACKED = 10_000;

interface Failures {
  count: number;
  since: number;
}

/**
 * Counts wrong sign-ins per e-mail address within this process and locks an address after a few, for a few minutes:
 * enough to make guessing the demo password pointless, small enough that a typo never locks anyone out for long. The
 * address need not belong to anyone, so a lock says nothing about who has an account.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Whether the address may try now. */
  allows(email: string): boolean {
    const entry = this.current(email);
    return entry === undefined || entry.count < SIGN_IN_ATTEMPTS;
  }

  /** Counts one wrong password or code for the address. */
  recordFailure(email: string): void {
    const key = keyOf(email);
    const entry = this.current(email) ?? { count: 0, since: this.now() };
    entry.count += 1;
    this.failures.delete(key);
    this.failures.set(key, entry);
    if (this.failures.size > MAX_TRACKED) this.failures.delete(this.failures.keys().next().value as string);
  }

  /** Forgets the address's failures after it signed in. */
  recordSuccess(email: string): void {
    this.failures.delete(keyOf(email));
  }

  private current(email: string): Failures | undefined {
    const key = keyOf(email);
    const entry = this.failures.get(key);
    if (entry && this.now() - entry.since >= WINDOW_MS) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }
}

function keyOf(email: string): string {
  return email.trim().toLowerCase();
}
