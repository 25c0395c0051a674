/** Where PostgreSQL and Temporal actually are, once embedded services (if any) have started. */
export class RuntimeConnections {
  constructor(
    /** The application's login: reads and appends, owns nothing. */
    readonly databaseUrl: string,
    readonly temporalAddress: string,
    /** The Temporal web UI, when Brigade started the dev server itself. */
    readonly temporalUiUrl: string | undefined,
    /** The owner's login, which runs the migrations; the application's own when only one is configured. */
    readonly databaseMigrationUrl: string = databaseUrl,
  ) {}
}
