import type { Response } from 'express';

/**
 * The page may load and call only its own origin: no inline script or style, no plugins, no framing. Preact sets
 * styles through the DOM's style object, which `style-src 'self'` allows; a `style="…"` attribute would not pass.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers every answer under /ui carries. */
export const UI_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Puts the UI's security headers on a response. */
export function setUiSecurityHeaders(response: Response): void {
  for (const [name, value] of Object.entries(UI_SECURITY_HEADERS)) response.setHeader(name, value);
}
