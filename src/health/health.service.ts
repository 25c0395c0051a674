import { Inject, Injectable } from '@nestjs/common';
import { DatabasePing } from '../database/database-ping';
import { DATA_KEY_STORE, type DataKeyStore } from '../key-store/data-key-store.port';
import { TEMPORAL_PROBE, type TemporalProbe } from '../temporal/temporal-probe.port';

/** The state of each dependency, and of the whole. */
export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly database: 'up' | 'down';
  readonly temporal: 'up' | 'down';
  readonly keyStore: 'up' | 'down';
}

/** The dependencies `/health` checks, in the order it names them. */
export const HEALTH_DEPENDENCIES = ['database', 'temporal', 'keyStore'] as const;

// A key id no case has: asking the store for it reaches the store and finds nothing, which is all the probe needs.
const PROBE_KEY_ID = 'case-00000000-0000-0000-0000-000000000000';

const CHECK_TIMEOUT_MS = 2_000;

/** Checks Brigade's dependencies with a short timeout each, so a dead dependency answers fast instead of hanging. */
@Injectable()
export class HealthService {
  constructor(
    private readonly database: DatabasePing,
    @Inject(TEMPORAL_PROBE) private readonly temporal: TemporalProbe,
    // Without it no sealed field opens and no new one is sealed: a case page or a new request would fail.
    @Inject(DATA_KEY_STORE) private readonly keyStore: DataKeyStore,
  ) {}

  async check(): Promise<HealthReport> {
    const [database, temporal, keyStore] = await Promise.all([
      probe(() => this.database.ping()),
      probe(() => this.temporal.ping()),
      probe(() => this.keyStore.find(PROBE_KEY_ID)),
    ]);
    const status = database === 'up' && temporal === 'up' && keyStore === 'up' ? 'ok' : 'degraded';
    return { status, database, temporal, keyStore };
  }
}

async function probe(check: () => Promise<unknown>): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
