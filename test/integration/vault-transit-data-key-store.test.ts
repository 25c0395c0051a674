// The Vault here is a stand-in (test/support/vault-api-server.ts) speaking the documented transit and KV v2 API over
// real HTTP, because no Vault binary can be installed on this machine (it is in neither apt, PyPI nor npm here). The
// store has not run against a real Vault yet; docs/key-store.md says so.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { VaultKeyStoreConfig } from '../../src/config/key-store-config';
import type { DataKeyScope, KeyDestruction } from '../../src/key-store/data-key-store.port';
import { DataKeyDestroyedError, KeyStorePermissionError, KeyStoreUnavailableError } from '../../src/key-store/key-store.errors';
import { VaultTransitDataKeyStore, type VaultTransitDataKeyStoreOptions } from '../../src/key-store/vault-transit-data-key-store';
import { VaultApiServer } from '../support/vault-api-server';

const aCase = (): DataKeyScope & { kind: 'case' } => ({ kind: 'case', caseId: randomUUID() });
const retention = (): KeyDestruction => ({ reason: 'retention', reference: `retention-${randomUUID()}`, destroyedAt: '2025-05-01T08:00:00.000Z' });

describe('the Vault transit data key store', () => {
  let vault: VaultApiServer;

  const configFor = (overrides: Partial<VaultKeyStoreConfig> = {}): VaultKeyStoreConfig => ({
    kind: 'vault', address: vault.address, token: vault.token, transitMount: 'transit', kvMount: 'secret', keyPrefix: 'brigade-', timeoutMs: 5_000, ...overrides,
  });
  const storeFor = (overrides: Partial<VaultKeyStoreConfig> = {}, options: VaultTransitDataKeyStoreOptions = {}) => new VaultTransitDataKeyStore(configFor(overrides), options);
  const calls = () => vault.requests.map(({ method, path }) => `${method} ${path}`);

  beforeEach(async () => {
    vault = await VaultApiServer.start();
  });

  afterEach(async () => {
    await vault.stop();
  });

  describe('when a case asks for its key the first time', () => {
    it('has Vault create a transit key, generate the data key under it and keeps the wrapped form in KV with check-and-set', async () => {
      const sut = storeFor();
      const scope = aCase();
      const { keyId, key } = await sut.keyFor(scope);
      expect(keyId).toBe(`case-${scope.caseId}`);
      expect(key).toHaveLength(32);
      expect(calls()).toEqual([
        `GET secret/data/brigade/data-keys/${keyId}`,
        `POST transit/keys/brigade-${keyId}`,
        `POST transit/datakey/plaintext/brigade-${keyId}`,
        `POST secret/data/brigade/data-keys/${keyId}`,
      ]);
      expect(vault.requests.map(({ body }) => body)).toEqual([
        undefined,
        { type: 'aes256-gcm96' },
        { bits: 256 },
        { options: { cas: 0 }, data: { keyId, ciphertext: expect.stringMatching(/^vault:v1:/), createdAt: expect.any(String) } },
      ]);
      for (const { headers } of vault.requests) expect(headers['x-vault-token']).toBe(vault.token);
      expect(vault.requests.filter(({ body }) => body !== undefined).every(({ headers }) => headers['content-type'] === 'application/json')).toBe(true);
    });

    it('hands the same key to a later process, which has Vault decrypt the wrapped form', async () => {
      const scope = aCase();
      const first = await storeFor().keyFor(scope);
      vault.requests.length = 0;
      await expect(storeFor().keyFor(scope)).resolves.toEqual(first);
      expect(calls()).toEqual([`GET secret/data/brigade/data-keys/${first.keyId}`, `POST transit/decrypt/brigade-${first.keyId}`]);
      expect(vault.requests[1].body).toEqual({ ciphertext: vault.kvData(`brigade/data-keys/${first.keyId}`)?.ciphertext });
      await expect(storeFor().find(first.keyId)).resolves.toEqual({ state: 'active', key: first.key });
    });

    it('gives two processes asking at once the same key: the second keeps the first one written', async () => {
      const scopes = Array.from({ length: 10 }, aCase);
      const [a, b] = [storeFor(), storeFor()];
      const keys = await Promise.all(scopes.flatMap((scope) => [a.keyFor(scope), b.keyFor(scope)]));
      for (let i = 0; i < keys.length; i += 2) expect(keys[i]).toEqual(keys[i + 1]);
      for (const scope of scopes) expect(vault.kv.get(`brigade/data-keys/case-${scope.caseId}`)).toHaveLength(1);
    });

    it('uses the configured mounts and key prefix', async () => {
      await vault.stop();
      vault = await VaultApiServer.start('kms/transit', 'kms/kv');
      const { keyId } = await storeFor({ transitMount: 'kms/transit', kvMount: 'kms/kv', keyPrefix: 'acc-' }).keyFor(aCase());
      expect(calls()).toContain(`POST kms/transit/keys/acc-${keyId}`);
      expect(calls()).toContain(`POST kms/kv/data/brigade/data-keys/${keyId}`);
    });

    it('answers unknown for a key id it never made, without creating anything', async () => {
      await expect(storeFor().find(`person-${randomUUID()}`)).resolves.toEqual({ state: 'unknown' });
      expect(vault.transitKeys.size).toBe(0);
    });

    it('refuses ids that could leave their path before asking Vault', async () => {
      await expect(storeFor().find('case-../../sys/seal')).rejects.toThrow(/cannot name a data key/);
      await expect(storeFor().keyFor({ kind: 'case', caseId: 'a?b' })).rejects.toThrow(/cannot name a data key/);
      expect(vault.requests).toEqual([]);
    });
  });

  describe('when a key is destroyed', () => {
    it('writes the tombstone first, then allows deletion of the transit key and deletes it', async () => {
      const sut = storeFor();
      const scope = aCase();
      const { keyId } = await sut.keyFor(scope);
      const wrapped = vault.kvData(`brigade/data-keys/${keyId}`)?.ciphertext;
      vault.requests.length = 0;
      const destruction = retention();
      await sut.destroy(keyId, destruction);
      expect(calls()).toEqual([
        `GET secret/data/brigade/data-keys/${keyId}`,
        `POST secret/data/brigade/data-keys/${keyId}`,
        `GET transit/keys/brigade-${keyId}`,
        `POST transit/keys/brigade-${keyId}/config`,
        `DELETE transit/keys/brigade-${keyId}`,
      ]);
      expect(vault.requests[1].body).toEqual({ data: { keyId, ...destruction } });
      expect(vault.requests[3].body).toEqual({ deletion_allowed: true });
      expect(vault.transitKeys.has(`brigade-${keyId}`)).toBe(false);
      // The wrapped key is still in KV's first version, and nothing can open it any more.
      const answer = await fetch(`${vault.address}/v1/transit/decrypt/brigade-${keyId}`, { method: 'POST', headers: { 'X-Vault-Token': vault.token }, body: JSON.stringify({ ciphertext: wrapped }) });
      expect(answer.status).toBe(400);
    });

    it('answers destroyed with the time, and refuses the scope for good in every process', async () => {
      const scope = aCase();
      const { keyId } = await storeFor().keyFor(scope);
      const destruction = retention();
      await storeFor().destroy(keyId, destruction);
      await expect(storeFor().find(keyId)).resolves.toEqual({ state: 'destroyed', destroyedAt: destruction.destroyedAt });
      await expect(storeFor().keyFor(scope)).rejects.toThrow(DataKeyDestroyedError);
      expect(vault.transitKeys.has(`brigade-${keyId}`)).toBe(false);
    });

    it('records a tombstone for an unknown key, so that it is never created later', async () => {
      const sut = storeFor();
      const scope = aCase();
      await sut.destroy(sut.keyIdFor(scope), retention());
      expect(calls().filter((call) => call.startsWith('DELETE'))).toEqual([]);
      await expect(sut.keyFor(scope)).rejects.toThrow(DataKeyDestroyedError);
      expect(vault.transitKeys.size).toBe(0);
    });

    it('keeps the first tombstone and deletes a transit key a stopped destruction left behind', async () => {
      const sut = storeFor();
      const { keyId } = await sut.keyFor(aCase());
      const first = retention();
      vault.deny('transit/keys/');
      await expect(sut.destroy(keyId, first)).rejects.toThrow(KeyStorePermissionError);
      expect(vault.transitKeys.has(`brigade-${keyId}`)).toBe(true);
      await expect(sut.find(keyId)).resolves.toEqual({ state: 'destroyed', destroyedAt: first.destroyedAt });
      vault.allowAll();
      await sut.destroy(keyId, { ...retention(), destroyedAt: '2026-01-01T00:00:00.000Z' });
      expect(vault.transitKeys.has(`brigade-${keyId}`)).toBe(false);
      await expect(sut.find(keyId)).resolves.toEqual({ state: 'destroyed', destroyedAt: first.destroyedAt });
    });

    it('is seen by a process that still holds the key in memory within the cache bound, and only then', async () => {
      let now = 5_000_000;
      const holder = storeFor({}, { cacheTtlMs: 5_000, now: () => now });
      const scope = aCase();
      const { keyId } = await holder.keyFor(scope);
      await storeFor().destroy(keyId, retention());
      now += 4_999;
      await expect(holder.keyFor(scope)).resolves.toMatchObject({ keyId });
      now += 1;
      await expect(holder.keyFor(scope)).rejects.toThrow(DataKeyDestroyedError);
    });
  });

  describe('when Vault cannot be used', () => {
    it('names the path a 403 refused and says the token lacks permission', async () => {
      vault.deny('secret/');
      const scope = aCase();
      const failure = storeFor().keyFor(scope);
      await expect(failure).rejects.toThrow(KeyStorePermissionError);
      await expect(storeFor().keyFor(scope)).rejects.toThrow(`refused GET /v1/secret/data/brigade/data-keys/case-${scope.caseId}: the token Brigade uses lacks permission`);
    });

    it('answers unavailable when Vault is sealed or failing', async () => {
      vault.failNext(503);
      await expect(storeFor().keyFor(aCase())).rejects.toThrow(`the key store at ${vault.address} is unavailable`);
      vault.failNext(500);
      await expect(storeFor().find(`case-${randomUUID()}`)).rejects.toThrow(KeyStoreUnavailableError);
      vault.failNext(503);
      await expect(storeFor().destroy(`case-${randomUUID()}`, retention())).rejects.toThrow(/answered 503: Vault is sealed/);
    });

    it('answers unavailable when nothing listens at the address', async () => {
      const address = await closedAddress();
      await expect(storeFor({ address }).keyFor(aCase())).rejects.toThrow(`the key store at ${address} is unavailable: GET /v1/secret/data/brigade/data-keys/`);
      await expect(storeFor({ address }).find('case-1')).rejects.toThrow(/ECONNREFUSED/);
    });

    it('answers unavailable when Vault takes longer than the timeout', async () => {
      vault.delayAnswers(1_000);
      await expect(storeFor({ timeoutMs: 100 }).find('case-1')).rejects.toThrow(/is unavailable: GET .* got no answer \(timed out after 100 ms\)/);
    });

    it('never puts the token in a message', async () => {
      const failures: unknown[] = [];
      const collect = (work: Promise<unknown>) => work.then(() => failures.push('no failure'), (error: unknown) => failures.push(error));
      vault.deny('transit/');
      await collect(storeFor().keyFor(aCase()));
      await collect(storeFor({ token: 'hvs.wrong-token-value' }).find('case-1'));
      vault.failNext(503);
      await collect(storeFor().find('case-1'));
      await collect(storeFor({ address: await closedAddress() }).find('case-1'));
      expect(failures).toHaveLength(4);
      for (const failure of failures) {
        expect(failure).toBeInstanceOf(Error);
        const text = `${(failure as Error).message} ${(failure as Error).stack} ${JSON.stringify(failure)}`;
        expect(text).not.toContain(vault.token);
        expect(text).not.toContain('wrong-token-value');
      }
    });
  });
});

/** An address on which nothing listens: a port that was free a moment ago. */
async function closedAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
