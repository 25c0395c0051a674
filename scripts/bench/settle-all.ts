import { runConcurrently } from './concurrency';

/** Runs a clean-up action on every item, a few at a time, and fails with the first error once all have been tried. */
export async function settleAll<T>(items: readonly T[], concurrency: number, action: (item: T) => Promise<unknown>): Promise<void> {
  const errors: unknown[] = [];
  await runConcurrently(items.length, concurrency, (index) => action(items[index]).then(() => undefined, (error: unknown) => void errors.push(error)));
  if (errors.length > 0) throw new Error(`${errors.length} of ${items.length} clean-up actions failed, the first: ${String(errors[0])}`);
}
