import { ASSIGNMENT_WARNINGS, type AssignmentWarning } from '../../../domain/manual-assignment';
import type { ConflictOfInterest } from '../../../domain/matching';
import type { Messages } from '../i18n/messages';

/** One fact a recorded event holds beyond its name, as a line of text in the reader's words. */
export interface EventDetail {
  readonly kind: 'expert' | 'note' | 'warning' | 'override';
  readonly text: string;
}

const isWarning = (value: unknown): value is AssignmentWarning => (ASSIGNMENT_WARNINGS as readonly unknown[]).includes(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * What a recorded event says beyond its name, for the timelines of coordinators and auditors: for a manual assignment,
 * the expert, the coordinator's note, the matching rules set aside and a conflict of interest overridden with its
 * reason. Other events have none yet. The texts are returned as text, for the page to render as text.
 */
export function eventDetails(type: string, data: Readonly<Record<string, unknown>>, m: Messages): EventDetail[] {
  if (type !== 'ExpertAssignedManually') return [];
  const words = m.casePage.assignedManually;
  const details: EventDetail[] = [];
  if (isText(data.expertName)) details.push({ kind: 'expert', text: words.expert(data.expertName) });
  if (isText(data.note)) details.push({ kind: 'note', text: words.note(data.note) });
  // A warning a newer release added is shown by its code rather than hidden.
  const warnings = Array.isArray(data.warnings) ? data.warnings : [];
  for (const code of warnings) details.push({ kind: 'warning', text: isWarning(code) ? m.casePage.assignWarning[code] : String(code) });
  const override = data.override as { conflict?: unknown; reason?: unknown } | undefined;
  if (override && typeof override === 'object') {
    const conflict = typeof override.conflict === 'string' ? m.casePage.conflictOfInterest[override.conflict as ConflictOfInterest] ?? override.conflict : '?';
    details.push({ kind: 'override', text: words.override(conflict, isText(override.reason) ? override.reason : '—') });
  }
  return details;
}
