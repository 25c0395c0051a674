import type { OwnerAccess } from './test-database';

/** An expert to put in the pool: their id, and the name the pool knows them by. */
export interface PoolExpert {
  readonly expertId: string;
  readonly name?: string;
}

/** Puts active experts with these ids (and names, when given) in the `experts` table, so that tokens naming them pass the guard's pool check. */
export async function registerPoolExperts(db: OwnerAccess, ...experts: Array<string | PoolExpert>): Promise<void> {
  if (experts.length === 0) return;
  const ids = experts.map((expert) => (typeof expert === 'string' ? expert : expert.expertId));
  const names = experts.map((expert, index) => (typeof expert === 'string' ? undefined : expert.name) ?? `Pool expert ${ids[index].slice(0, 8)}`);
  // The least a valid row needs: one category, a registered home (Zutphen) in its own safety region, and the column defaults.
  await db.sql(`
    INSERT INTO experts (expert_id, name, email, categories, home_municipality_code, safety_region, capacity, active)
    SELECT id, name, 'pool-' || id::text || '@brigade.test', ARRAY['CITIZEN_MEETING'], 'GM0301', 'noord-en-oost-gelderland', 2, true
    FROM unnest($1::uuid[], $2::text[]) AS pool(id, name)`, [ids, names]);
}
