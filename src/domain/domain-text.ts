import type { DomainTextCode } from './domain-text-codes';

/** A parameter of a domain text: a number, a plain string (an id, a name), or another coded text rendered in its place. */
export type DomainTextParam = string | number | DomainText;

/** What fills a domain text's `{name}` placeholders. */
export type DomainTextParams = Readonly<Record<string, DomainTextParam>>;

/**
 * A text the system records for people to read (a risk reason, a task title, an escalation reason), as a code and its
 * parameters, so each reader sees it in their own language. Text a person typed travels as the `literal` code.
 */
export interface DomainText {
  readonly code: DomainTextCode;
  readonly params?: DomainTextParams;
}

/** The code of a text kept exactly as written: what a person typed, or an old sentence that matches no code. */
export const LITERAL_TEXT_CODE = 'literal';

/** A coded text; parameters only when the code has placeholders, so stored events stay small. */
export function domainText(code: DomainTextCode, params?: DomainTextParams): DomainText {
  return params === undefined ? { code } : { code, params };
}

/** Text kept as written, in whatever language its writer used. */
export function literalText(text: string): DomainText {
  return { code: LITERAL_TEXT_CODE, params: { text } };
}

/** Whether a value has the shape of a domain text: a code, and parameters or none, and nothing else. */
export function isDomainText(value: unknown): value is DomainText {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { code, params, ...rest } = value as Record<string, unknown>;
  return typeof code === 'string' && Object.keys(rest).length === 0
    && (params === undefined || (typeof params === 'object' && params !== null && !Array.isArray(params)));
}
