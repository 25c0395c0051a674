import { fieldLabelKey } from './codes';
import type { TextParams } from './render-text';

/**
 * Parameters that name something the catalogue has a word for, by parameter name, with the group its word is in: a
 * role, a stage of a case, a risk level. A list of them is one comma-separated value (`allowed: 'coordinator, expert'`).
 */
const LABELLED_PARAMS: Readonly<Record<string, string>> = {
  role: 'labels.role',
  allowed: 'labels.role',
  stage: 'labels.stage',
  stages: 'labels.stage',
  partner: 'labels.partner',
  riskLevel: 'domain.riskLevel',
};

/**
 * Parameters that hold a moment as RFC 3339. `example` in `not_a_date_time` is not among them: it shows the form the
 * API takes, so it must stay as the API takes it.
 */
const DATE_TIME_PARAMS: ReadonlySet<string> = new Set(['earliest', 'expiredAt', 'at', 'firstOccurredAt']);

/** The zone every moment in a text is written in, whoever reads it and wherever the server runs: the brigade is Dutch. */
export const TEXT_TIME_ZONE = 'Europe/Amsterdam';

const DATE_TIME_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: TEXT_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/**
 * A moment as the screens' date input reads it in both languages, `dd-mm-jjjj uu:mm` (`01-01-2015 01:00`), in
 * Amsterdam's time; undefined for a value that names no moment.
 */
export function readableDateTime(value: string): string | undefined {
  // Only a full date-time: `Date.parse` would also read "2015" or "1 Jan" and invent the rest.
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  const parts = Object.fromEntries(DATE_TIME_PARTS.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.day}-${parts.month}-${parts.year.padStart(4, '0')} ${parts.hour}:${parts.minute}`;
}

/**
 * A text's parameters as its reader reads them: each role, stage and risk level in their words, which `label` finds by
 * catalogue key in their language, and each moment written day first in Amsterdam's time. A value without a word (a
 * role a newer release added) or that names no moment stays as it came.
 */
export function readableParams(params: TextParams, label: (key: string) => string | undefined): TextParams {
  const readable: Record<string, string | number> = { ...params };
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string') continue;
    const group = LABELLED_PARAMS[name];
    if (group !== undefined) readable[name] = value.split(', ').map((part) => label(`${group}.${part}`) ?? part).join(', ');
    else if (DATE_TIME_PARAMS.has(name)) readable[name] = readableDateTime(value) ?? value;
  }
  return readable;
}

/**
 * A field problem's parameters as its reader reads them, with `field` the field's label; a field without a label (a
 * name the API does not know, sent by mistake) is named as it was sent.
 */
export function problemParams(field: string, params: TextParams, label: (key: string) => string | undefined): TextParams {
  const readable: Record<string, string | number> = { ...readableParams(params, label), field: label(fieldLabelKey(field)) ?? `"${field}"` };
  // `before_start` names the field a period starts with, which sits beside this one (`unavailable.0.from` beside
  // `unavailable.0.to`): named by its label too, not by its name in the API.
  if (typeof params.start === 'string') {
    const start = [...field.split('.').slice(0, -1), params.start].join('.');
    readable.start = label(fieldLabelKey(start)) ?? params.start;
  }
  return readable;
}
