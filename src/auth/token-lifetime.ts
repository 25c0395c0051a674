/**
 * Why a verified token's lifetime is refused, or null when it is fine: it must expire (`exp`), and no later than the
 * maximum after it was issued (`iat`), or after now when it names no issue time in the past.
 */
export function tokenLifetimeProblem(payload: Readonly<Record<string, unknown>>, maxSeconds: number, nowSeconds: number): string | null {
  const { exp, iat } = payload;
  if (typeof exp !== 'number') return `the token has no expiry (exp); tokens must expire within ${hours(maxSeconds)}`;
  // An issue time in the future would let a token claim a short life that it has not begun yet.
  const from = typeof iat === 'number' ? Math.min(iat, nowSeconds) : nowSeconds;
  if (exp - from > maxSeconds) {
    return `the token is valid for ${hours(exp - from)}, longer than the maximum of ${hours(maxSeconds)} (BRIGADE_TOKEN_MAX_TTL)`;
  }
  return null;
}

function hours(seconds: number): string {
  return `${Math.round(seconds / 360) / 10} h`;
}
