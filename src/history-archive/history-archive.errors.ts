/** Thrown when a run is archived already with other bytes: one of the two copies is not what Temporal recorded. */
export class ArchiveConflictError extends Error {
  constructor(readonly workflowId: string, readonly runId: string, readonly archivedSha256: string, readonly offeredSha256: string) {
    super(`the history of ${workflowId} (run ${runId}) is archived with SHA-256 ${archivedSha256}, `
      + `but the history offered now has SHA-256 ${offeredSha256}`);
    this.name = 'ArchiveConflictError';
  }
}
