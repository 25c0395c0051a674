import { instantOfDateTimeText } from './date-time-text';
import { municipalityCodeOfChoice } from './municipality-choice';

/** What the new-request form holds: text as typed, ticks as booleans. */
export interface NewCaseForm {
  readonly category: string;
  /** The municipality's name as typed or picked from the register's list. */
  readonly municipality: string;
  readonly requesterRole: string;
  readonly description: string;
  /** As typed, day first (`31-12-2026 19:30`), or empty. */
  readonly eventDate: string;
  readonly officeHolderName: string;
  readonly officeHolderOffice: string;
  readonly officeHolderDetails: string;
  readonly threatsReceived: boolean;
  readonly expectedAttendance: string;
  readonly priorIncidents: string;
  readonly mediaAttention: string;
  readonly onlineAgitation: boolean;
  readonly officeHolderPersonallyTargeted: boolean;
}

// Whole numbers go as numbers; anything else goes as typed, so that the API names the field and says what it needs.
function count(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function filled(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}

/**
 * The body of `POST /cases` for what the form holds: the municipality as its register code (the API derives the safety
 * region from it), empty fields left out (the API treats an absent indicator as
 * "no", and names every missing required field in its answer), the texts always go as typed, and the office holder
 * only when any of its fields is filled.
 */
export function registerCaseBody(form: NewCaseForm): Record<string, unknown> {
  const officeHolder = [form.officeHolderName, form.officeHolderOffice, form.officeHolderDetails].some((text) => text.trim() !== '')
    ? withoutUndefined({ name: form.officeHolderName, office: form.officeHolderOffice, details: filled(form.officeHolderDetails) })
    : undefined;
  return withoutUndefined({
    category: form.category || undefined,
    municipalityCode: municipalityCodeOfChoice(form.municipality),
    requesterRole: form.requesterRole || undefined,
    description: form.description,
    eventDate: instantOfDateTimeText(form.eventDate),
    officeHolder,
    indicators: withoutUndefined({
      threatsReceived: form.threatsReceived || undefined,
      expectedAttendance: count(form.expectedAttendance),
      priorIncidents: count(form.priorIncidents),
      mediaAttention: form.mediaAttention || undefined,
      onlineAgitation: form.onlineAgitation || undefined,
      officeHolderPersonallyTargeted: form.officeHolderPersonallyTargeted || undefined,
    }),
  });
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
