import { randomUUID } from 'node:crypto';
import { municipalityCodeForName } from '../../src/domain/places/place-register';
import type { BenchContext } from './bench-context';
import { expectStatus } from './bench-http';

const EXPERTS = 12;

/** Registers a pool of experts for citizen meetings through the API, unless the bench registered one already. */
export async function ensureExpertPool(ctx: BenchContext): Promise<void> {
  const { rows: [{ count }] } = await ctx.pool.query('SELECT count(*)::int AS count FROM experts WHERE active');
  if (count >= EXPERTS) return;
  const coordinator = ctx.bearer('coordinator', 'c.bench');
  for (let index = 0; index < EXPERTS; index++) {
    await expectStatus([201], ctx.apiUrl, 'POST', '/experts', coordinator, {
      name: `Bench-expert ${index + 1}`, email: `bench-expert-${index + 1}-${randomUUID().slice(0, 8)}@brigade.example`,
      categories: ['CITIZEN_MEETING'], skills: ['mediation', 'communication', 'security', 'stakeholderEngagement'],
      homeMunicipalityCode: municipalityCodeForName('Amersfoort'), safetyRegion: 'utrecht', capacity: 10,
    });
  }
}
