import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CreateExpertDto } from './dto/create-expert.dto';
import { demoExpertPool } from './demo-expert-pool';
import { newExpertFields } from './expert.mapper';
import { ExpertRow } from '../database/expert.row';

/** What a seed run did: experts inserted, and experts skipped because their e-mail address was already in the pool. */
export interface SeedResult {
  readonly created: number;
  readonly skipped: number;
}

/** Inserts the demo expert pool (or the given one), skipping every expert whose e-mail address is already present. */
export async function seedExperts(dataSource: DataSource, pool: readonly CreateExpertDto[] = demoExpertPool()): Promise<SeedResult> {
  if (pool.length === 0) return { created: 0, skipped: 0 };
  const rows = pool.map((dto) => ({ expertId: randomUUID(), ...newExpertFields(dto), active: true }));
  // The unique index on lower(email) decides what is skipped, so two seeds at once cannot insert anyone twice.
  const result = await dataSource.createQueryBuilder()
    .insert().into(ExpertRow).values(rows)
    .orIgnore()
    .returning('expert_id')
    .updateEntity(false)
    .execute();
  const created = (result.raw as unknown[]).length;
  return { created, skipped: pool.length - created };
}
