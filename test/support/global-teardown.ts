/** Stops the embedded PostgreSQL that the global set-up started, if it started one. */
export default async function globalTeardown(): Promise<void> {
  const database = (globalThis as { brigadeTestDatabase?: { stop(): Promise<void> } }).brigadeTestDatabase;
  await database?.stop();
}
