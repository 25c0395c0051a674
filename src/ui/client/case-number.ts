/** The short case number people match between the board's table and its chart: the first eight characters of the case id. */
export function shortCaseNumber(caseId: string): string {
  return caseId.slice(0, 8);
}
