import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CASE_ID_RESERVE_SIZE, CaseIdReserve } from '../../../src/cases/case-id-reserve';
import type { DataKey, DataKeyScope, DataKeyStore } from '../../../src/key-store/data-key-store.port';
import { FolderDataKeyStore } from '../../../src/key-store/folder-data-key-store';
import { KeyStoreUnavailableError } from '../../../src/key-store/key-store.errors';

/** The folder store, counting the keys it is asked to make and refusing while `refusing` is set. */
class CountingKeyStore {
  readonly asked: string[] = [];
  refusing = false;

  constructor(private readonly store: DataKeyStore) {}

  asPort(): DataKeyStore {
    const store = this.store;
    return {
      location: store.location,
      keyIdFor: (scope) => store.keyIdFor(scope),
      keyFor: (scope: DataKeyScope): Promise<DataKey> => {
        this.asked.push(store.keyIdFor(scope));
        if (this.refusing) return Promise.reject(new KeyStoreUnavailableError(store.location, 'refused for the test'));
        return store.keyFor(scope);
      },
      find: (keyId) => store.find(keyId),
      destroy: (keyId, destruction) => store.destroy(keyId, destruction),
      pseudonymFor: (text) => store.pseudonymFor(text),
    };
  }
}

describe('the case id reserve', () => {
  let dataDir: string;
  let keyStore: FolderDataKeyStore;
  let counting: CountingKeyStore;
  let sut: CaseIdReserve;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'brigade-case-ids-'));
    keyStore = FolderDataKeyStore.open(dataDir, randomBytes(32));
    counting = new CountingKeyStore(keyStore);
    sut = new CaseIdReserve(counting.asPort());
  });

  afterEach(async () => {
    await sut.settled();
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('when it has made keys ahead', () => {
    it('hands out an id whose data key is already in the store', async () => {
      sut.take();
      await sut.settled();

      const caseId = sut.take();

      await expect(keyStore.find(keyStore.keyIdFor({ kind: 'case', caseId }))).resolves.toMatchObject({ state: 'active' });
    });

    it('never hands out the same id twice', async () => {
      const taken = new Set<string>();
      for (let round = 0; round < 3; round++) {
        for (let n = 0; n < CASE_ID_RESERVE_SIZE + 2; n++) taken.add(sut.take());
        await sut.settled();
      }

      expect(taken.size).toBe(3 * (CASE_ID_RESERVE_SIZE + 2));
    });
  });

  describe('when it is empty', () => {
    it('hands out a fresh id at once and starts making keys for the next ones', () => {
      const caseId = sut.take();

      expect(caseId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(counting.asked).toHaveLength(CASE_ID_RESERVE_SIZE);
      expect(counting.asked).not.toContain(keyStore.keyIdFor({ kind: 'case', caseId }));
    });
  });

  describe('when the key store refuses', () => {
    it('hands out fresh ids, offers none whose key was not made, and tries one key at a time until the store answers again', async () => {
      counting.refusing = true;
      sut.take();
      await sut.settled();
      const askedWhileRefused = counting.asked.length;

      const caseId = sut.take();
      await sut.settled();

      expect(counting.asked).not.toContain(keyStore.keyIdFor({ kind: 'case', caseId }));
      expect(counting.asked.length - askedWhileRefused).toBe(1);
      counting.refusing = false;
      sut.take();
      await sut.settled();
      sut.take();
      expect(counting.asked.length).toBeGreaterThan(askedWhileRefused + 2);
    });
  });
});
