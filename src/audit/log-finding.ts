/** Something wrong with the transparency log, with the case and version it concerns when it concerns one event. */
export interface LogFinding {
  readonly caseId?: string;
  readonly version?: number;
  readonly problem: string;
}
