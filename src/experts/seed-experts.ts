import { randomUUID } from 'node:crypto';
import type { CreateExpertDto } from './dto/create-expert.dto';
import { demoExpertPool } from './demo-expert-pool';
import { newExpertFields } from './expert.mapper';
import type { ExpertRepository } from './expert.repository';

/** What a seed run did: experts inserted, and experts skipped because their e-mail address was already in the pool. */
export interface SeedResult {
  readonly created: number;
  readonly skipped: number;
}

/** Inserts the demo expert pool (or the given one), skipping every expert whose e-mail address is already present. */
export async function seedExperts(experts: ExpertRepository, pool: readonly CreateExpertDto[] = demoExpertPool()): Promise<SeedResult> {
  if (pool.length === 0) return { created: 0, skipped: 0 };
  const created = await experts.insertSkippingTaken(pool.map((dto) => ({ expertId: randomUUID(), ...newExpertFields(dto) })));
  return { created, skipped: pool.length - created };
}
