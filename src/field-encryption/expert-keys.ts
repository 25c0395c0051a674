import { expertPersonId } from '../domain/retention/erasure';
import type { DataKey, DataKeyStore } from '../key-store/data-key-store.port';
import { DataKeyDestroyedError, InvalidDataKeyIdError } from '../key-store/key-store.errors';

/** An expert's key; `destroyed` after their erasure; `none` for an id that cannot name a key, whose name the case key alone seals. */
export type ExpertKey = DataKey | 'destroyed' | 'none';

/** The keys of the experts with these ids (`person-expert-<expertId>`), each asked for once, created on first use. */
export async function expertKeysOf(expertIds: Iterable<string>, keyStore: DataKeyStore): Promise<Map<string, ExpertKey>> {
  const keys = new Map<string, ExpertKey>();
  for (const expertId of new Set(expertIds)) keys.set(expertId, await expertKeyOf(expertId, keyStore));
  return keys;
}

async function expertKeyOf(expertId: string, keyStore: DataKeyStore): Promise<ExpertKey> {
  try {
    return await keyStore.keyFor({ kind: 'person', personId: expertPersonId(expertId) });
  } catch (error) {
    // An erased expert's name is not written again, whatever still carries it; the case goes on without it.
    if (error instanceof DataKeyDestroyedError) return 'destroyed';
    // Pool experts have UUIDs; an id made elsewhere (a token's subject) may hold characters no key id may.
    if (error instanceof InvalidDataKeyIdError) return 'none';
    throw error;
  }
}
