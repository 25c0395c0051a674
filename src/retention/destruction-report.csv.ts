import type { DestructionReportRow } from './destruction-report.service';

const HEADER = ['occurredAt', 'caseId', 'kind', 'reference', 'basis', 'approvedBy', 'keyId', 'keyState', 'keyDestroyedAt'];

/** The report as CSV for the records officer, one line per destroyed key; fields are quoted where they need it. */
export function destructionReportCsv(rows: readonly DestructionReportRow[]): string {
  const lines = rows.flatMap((row) => (row.keys.length > 0 ? row.keys : [{ keyId: '', state: '', destroyedAt: null }]).map((key) => [
    row.occurredAt, row.caseId, row.kind, row.reference, row.basis, row.approvedBy.join(' '), key.keyId, key.state, key.destroyedAt ?? '',
  ]));
  return [HEADER, ...lines].map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// A leading =, +, - or @ would make a spreadsheet run the field as a formula.
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
