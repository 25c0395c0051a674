import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  readonly payload: AdapterPayload;
  readonly expiresAt: number;
}

/**
 * Where the local provider keeps its sessions, interactions, codes and grants: in this process's memory, as chosen
 * for a provider that runs beside one Brigade on one machine. A restart signs everyone out of the provider (Brigade's
 * own session is not affected). One store per process serves every model, keyed by model name and id.
 */
export class ProcessMemoryStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The adapter oidc-provider asks for one model (Session, Interaction, AuthorizationCode, Grant, ...). */
  adapterFor(model: string): Adapter {
    const key = (id: string) => `${model}:${id}`;
    return {
      upsert: async (id, payload, expiresIn) => {
        this.sweep();
        const expiresAt = expiresIn === undefined ? Number.POSITIVE_INFINITY : this.now() + expiresIn * 1000;
        this.entries.set(key(id), { payload: { ...payload }, expiresAt });
        if (payload.uid) this.entries.set(`${model}:uid:${payload.uid}`, { payload: { id }, expiresAt });
        if (payload.userCode) this.entries.set(`${model}:userCode:${payload.userCode}`, { payload: { id }, expiresAt });
        if (payload.grantId) this.entries.set(`grant:${payload.grantId}:${key(id)}`, { payload: { id: key(id) }, expiresAt });
      },
      find: async (id) => this.live(key(id)),
      findByUid: async (uid) => this.byIndex(model, `${model}:uid:${uid}`),
      findByUserCode: async (userCode) => this.byIndex(model, `${model}:userCode:${userCode}`),
      consume: async (id) => {
        const entry = this.entries.get(key(id));
        if (entry) this.entries.set(key(id), { payload: { ...entry.payload, consumed: Math.floor(this.now() / 1000) }, expiresAt: entry.expiresAt });
      },
      destroy: async (id) => {
        this.entries.delete(key(id));
      },
      revokeByGrantId: async (grantId) => {
        const prefix = `grant:${grantId}:`;
        for (const [indexKey, entry] of this.entries) {
          if (!indexKey.startsWith(prefix)) continue;
          this.entries.delete(entry.payload.id as string);
          this.entries.delete(indexKey);
        }
      },
    };
  }

  private byIndex(model: string, indexKey: string): AdapterPayload | undefined {
    const id = this.live(indexKey)?.id;
    return typeof id === 'string' ? this.live(`${model}:${id}`) : undefined;
  }

  private live(key: string): AdapterPayload | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.now()) return entry.payload;
    this.entries.delete(key);
    return undefined;
  }

  // Expired entries go as new ones arrive, so a long-running process keeps only what is still valid.
  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
