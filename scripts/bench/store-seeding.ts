import { randomUUID } from 'node:crypto';
import type { BenchContext } from './bench-context';
import { concernEvent, openingEvents, supportRequest } from './bench-cases';
import { runConcurrently } from './concurrency';

// An append takes at most this many events (the store's own limit).
const MOST_PER_APPEND = 100;

/** Fills the store with cases through Brigade's own append (chain, projection and all), one append per case; answers their ids. */
export async function seedCases(ctx: BenchContext, count: number, eventsPerCase: number): Promise<string[]> {
  const caseIds = Array.from({ length: count }, () => randomUUID());
  await runConcurrently(count, 8, async (n) => {
    const caseId = caseIds[n];
    const at = new Date().toISOString();
    const opening = openingEvents(supportRequest(caseId, n), at);
    const concerns = Array.from({ length: Math.max(0, eventsPerCase - opening.length) }, (_, index) => concernEvent(index + 1, at));
    await ctx.eventStore.append({ caseId, expectedVersion: 0, events: [...opening, ...concerns], idempotencyKey: `bench-seed:${caseId}` });
  });
  return caseIds;
}

/** Records one case with a long history through Brigade's own append, in the largest batches the store takes; answers its id. */
export async function seedLongCase(ctx: BenchContext, events: number): Promise<string> {
  const caseId = randomUUID();
  const at = new Date().toISOString();
  let pending = [...openingEvents(supportRequest(caseId, 0), at), ...Array.from({ length: events - 3 }, (_, index) => concernEvent(index + 1, at))];
  let version = 0;
  while (pending.length > 0) {
    const batch = pending.slice(0, MOST_PER_APPEND);
    pending = pending.slice(MOST_PER_APPEND);
    await ctx.eventStore.append({ caseId, expectedVersion: version, events: batch, idempotencyKey: `bench-long:${caseId}:${version}` });
    version += batch.length;
  }
  return caseId;
}
