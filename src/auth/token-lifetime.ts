/**
 * Why a verified token's lifetime is refused, or null when it is fine: it must expire (`exp`), and no later than the
 * maximum after it was issued (`iat`), or after now when it names no issue time in the past. Both are NumericDates,
 * here whole numbers of seconds: a string or a fraction is refused rather than read one way or another.
 */
export function tokenLifetimeProblem(payload: Readonly<Record<string, unknown>>, maxSeconds: number, nowSeconds: number): string | null {
  const { exp, iat } = payload;
  if (exp === undefined) return `the token has no expiry (exp); tokens must expire within ${duration(maxSeconds)}`;
  if (!isNumericDate(exp)) return "the token's expiry (exp) must be a whole number of seconds (NumericDate)";
  if (iat !== undefined && !isNumericDate(iat)) return "the token's issue time (iat) must be a whole number of seconds (NumericDate)";
  // An issue time in the future would let a token claim a short life that it has not begun yet.
  const from = iat === undefined ? nowSeconds : Math.min(iat, nowSeconds);
  const lifetime = exp - from;
  if (lifetime > maxSeconds) {
    return `the token is valid for ${duration(lifetime)}, longer than the maximum of ${duration(maxSeconds)} (BRIGADE_TOKEN_MAX_TTL)`;
  }
  return null;
}

function isNumericDate(value: unknown): value is number {
  return Number.isSafeInteger(value);
}

// Exact to the second, so that a token one second too long is not said to live exactly the maximum: "12 h 1 s".
function duration(totalSeconds: number): string {
  const seconds = Math.ceil(totalSeconds);
  const parts = [[Math.floor(seconds / 3600), 'h'], [Math.floor(seconds / 60) % 60, 'm'], [seconds % 60, 's']] as const;
  return parts.filter(([count]) => count > 0).map(([count, unit]) => `${count} ${unit}`).join(' ') || '0 s';
}
