/** Where PostgreSQL and Temporal actually are, once embedded services (if any) have started. */
export class RuntimeConnections {
  constructor(
    readonly databaseUrl: string,
    readonly temporalAddress: string,
    /** The Temporal web UI, when Brigade started the dev server itself. */
    readonly temporalUiUrl: string | undefined,
  ) {}
}
