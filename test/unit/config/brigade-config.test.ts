import { ConfigError, loadBrigadeConfig } from '../../../src/config/brigade-config';

describe('loadBrigadeConfig', () => {
  it('defaults to the embedded, all-in-one set-up under ./.data', () => {
    const sut = loadBrigadeConfig({}, '/srv/brigade');
    expect(sut).toMatchObject({
      role: 'all', httpPort: 3000, dataDir: '/srv/brigade/.data', databaseUrl: undefined, temporalAddress: undefined,
      temporalNamespace: 'default', taskQueue: 'brigade-cases', temporalCallTimeoutMs: 15_000,
    });
    expect([sut.runsApi, sut.runsWorker]).toEqual([true, true]);
  });

  it('takes external services and a role from the environment', () => {
    const sut = loadBrigadeConfig({ BRIGADE_ROLE: 'worker', DATABASE_URL: 'postgres://db/brigade', TEMPORAL_ADDRESS: 'temporal:7233', BRIGADE_DATA_DIR: '/var/lib/brigade' });
    expect(sut).toMatchObject({ role: 'worker', databaseUrl: 'postgres://db/brigade', temporalAddress: 'temporal:7233', dataDir: '/var/lib/brigade' });
    expect([sut.runsApi, sut.runsWorker]).toEqual([false, true]);
  });

  it("takes the owner's login for migrations beside the application's", () => {
    const sut = loadBrigadeConfig({ DATABASE_URL: 'postgres://brigade_app:a@db/brigade', DATABASE_MIGRATION_URL: 'postgres://brigade_owner:o@db/brigade' });
    expect(sut).toMatchObject({ databaseUrl: 'postgres://brigade_app:a@db/brigade', databaseMigrationUrl: 'postgres://brigade_owner:o@db/brigade' });
    expect(loadBrigadeConfig({ DATABASE_URL: 'postgres://brigade_app:a@db/brigade' }).databaseMigrationUrl).toBeUndefined();
  });

  it.each([
    [{ DATABASE_MIGRATION_URL: 'postgres://brigade_owner:o@db/brigade' }, /DATABASE_MIGRATION_URL needs DATABASE_URL beside it/],
    [{ DATABASE_URL: 'postgres://brigade_app:a@db/brigade', DATABASE_MIGRATION_URL: 'db:5432' }, /DATABASE_MIGRATION_URL must be a postgres:\/\/ URL/],
    [{ DATABASE_URL: 'postgres://brigade_app:a@db/brigade', DATABASE_MIGRATION_URL: 'postgres://brigade_app:a@db/brigade' }, /DATABASE_MIGRATION_URL must name the owner's login, not the same login as DATABASE_URL/],
  ])('refuses a migration login that cannot be the owner: %j', (env, message) => {
    expect(() => loadBrigadeConfig(env)).toThrow(message);
  });

  it('keeps what the postgres user must reach under /var/lib/brigade unless BRIGADE_EMBEDDED_POSTGRES_ROOT says otherwise, as an absolute path', () => {
    expect(loadBrigadeConfig({}).embeddedPostgresRoot).toBe('/var/lib/brigade');
    expect(loadBrigadeConfig({ BRIGADE_EMBEDDED_POSTGRES_ROOT: '/srv/pg' }).embeddedPostgresRoot).toBe('/srv/pg');
    expect(() => loadBrigadeConfig({ BRIGADE_EMBEDDED_POSTGRES_ROOT: 'srv/pg' })).toThrow('BRIGADE_EMBEDDED_POSTGRES_ROOT must be an absolute path, got "srv/pg"');
  });

  it('takes how long the API waits on Temporal as a duration', () => {
    expect(loadBrigadeConfig({ BRIGADE_TEMPORAL_CALL_TIMEOUT: '2m' }).temporalCallTimeoutMs).toBe(120_000);
  });

  it('reports a workflow stuck from its third failed attempt, looking every minute, unless told otherwise', () => {
    expect(loadBrigadeConfig({}).stuckWorkflows).toEqual({ attempts: 3, scanIntervalMs: 60_000 });
    expect(loadBrigadeConfig({ BRIGADE_STUCK_WORKFLOW_ATTEMPTS: '10', BRIGADE_STUCK_WORKFLOW_SCAN_INTERVAL: '30s' }).stuckWorkflows)
      .toEqual({ attempts: 10, scanIntervalMs: 30_000 });
  });

  it('bounds the HTTP server and token lifetimes by default, and answers only loopback Host names', () => {
    const sut = loadBrigadeConfig({});
    expect(sut.http).toEqual({ allowedHosts: undefined, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 });
    expect(sut.tokenKeys.maxTokenTtlSeconds).toBe(12 * 3600);
  });

  it('takes the allowed Host names as a list in lower case, or * for any', () => {
    expect(loadBrigadeConfig({ BRIGADE_ALLOWED_HOSTS: 'Brigade.Example.nl, 127.0.0.1:3000,[::1]:3000' }).http.allowedHosts)
      .toEqual(['brigade.example.nl', '127.0.0.1:3000', '[::1]:3000']);
    expect(loadBrigadeConfig({ BRIGADE_ALLOWED_HOSTS: '*' }).http.allowedHosts).toEqual(['*']);
  });

  it.each([
    [{ BRIGADE_ALLOWED_HOSTS: 'https://brigade.example.nl' }, /BRIGADE_ALLOWED_HOSTS must list Host values/],
    [{ BRIGADE_ALLOWED_HOSTS: 'brigade.example.nl/api' }, /BRIGADE_ALLOWED_HOSTS must list Host values/],
    [{ BRIGADE_ALLOWED_HOSTS: '*,localhost:3000' }, /either \* or a list of hosts/],
    [{ BRIGADE_HTTP_REQUEST_TIMEOUT: '30' }, /BRIGADE_HTTP_REQUEST_TIMEOUT must be a duration/],
    [{ BRIGADE_HTTP_HEADERS_TIMEOUT: '1m' }, /BRIGADE_HTTP_HEADERS_TIMEOUT must not be longer than BRIGADE_HTTP_REQUEST_TIMEOUT/],
    [{ BRIGADE_TOKEN_TTL: '7d' }, /BRIGADE_TOKEN_TTL 7d is longer than BRIGADE_TOKEN_MAX_TTL allows/],
    [{ BRIGADE_TOKEN_MAX_TTL: 'forever' }, /BRIGADE_TOKEN_MAX_TTL must be a duration/],
    [{ BRIGADE_ROLE: 'scheduler' }, /BRIGADE_ROLE must be one of all, api, worker, got "scheduler"/],
    [{ PORT: '70000' }, /PORT must be a TCP port/],
    [{ BRIGADE_EMBEDDED_POSTGRES_PORT: 'five' }, /BRIGADE_EMBEDDED_POSTGRES_PORT must be a TCP port/],
    [{ BRIGADE_JWT_SECRET: 'too-short' }, /BRIGADE_JWT_SECRET must be at least 32 bytes long/],
    [{ BRIGADE_JWT_PUBLIC_KEY: 'not a key' }, /BRIGADE_JWT_PUBLIC_KEY must be a PEM key/],
    [{ BRIGADE_JWT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----' }, /BRIGADE_JWT_PRIVATE_KEY needs BRIGADE_JWT_PUBLIC_KEY/],
    [{ BRIGADE_JWT_SECRET: 'x'.repeat(40), BRIGADE_JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----' }, /either BRIGADE_JWT_SECRET or BRIGADE_JWT_PUBLIC_KEY/],
    [{ BRIGADE_TOKEN_TTL: '8 hours' }, /BRIGADE_TOKEN_TTL must be a duration/],
    [{ BRIGADE_TEMPORAL_CALL_TIMEOUT: '15000' }, /BRIGADE_TEMPORAL_CALL_TIMEOUT must be a duration such as 15s/],
    [{ BRIGADE_STUCK_WORKFLOW_ATTEMPTS: '1' }, /BRIGADE_STUCK_WORKFLOW_ATTEMPTS must be a whole number from 2 to 99/],
    [{ BRIGADE_STUCK_WORKFLOW_ATTEMPTS: 'three' }, /BRIGADE_STUCK_WORKFLOW_ATTEMPTS must be a whole number from 2 to 99/],
    [{ BRIGADE_STUCK_WORKFLOW_SCAN_INTERVAL: '60' }, /BRIGADE_STUCK_WORKFLOW_SCAN_INTERVAL must be a duration/],
  ])('refuses %j with an error that names the variable', (env, message) => {
    expect(() => loadBrigadeConfig(env)).toThrow(ConfigError);
    expect(() => loadBrigadeConfig(env)).toThrow(message);
  });
});

describe('the key store settings', () => {
  const KEK = Buffer.alloc(32, 7).toString('base64');
  const VAULT = { BRIGADE_KEY_STORE: 'vault', BRIGADE_VAULT_ADDR: 'https://vault.example.nl:8200/', BRIGADE_VAULT_TOKEN: 'hvs.secret-token-value' };

  it('keeps data keys in the data folder by default, with a generated key-encryption key', () => {
    expect(loadBrigadeConfig({ BRIGADE_DATA_DIR: 'state' }, '/srv/brigade').keyStore).toEqual({ kind: 'folder', dataDir: '/srv/brigade/state', keyEncryptionKey: undefined });
  });

  it('takes a configured key-encryption key as 32 bytes', () => {
    expect(loadBrigadeConfig({ BRIGADE_KEY_STORE: 'folder', BRIGADE_KEY_ENCRYPTION_KEY: KEK }).keyStore).toMatchObject({ kind: 'folder', keyEncryptionKey: Buffer.alloc(32, 7) });
  });

  it('takes Vault with default mounts, prefix and timeout', () => {
    expect(loadBrigadeConfig(VAULT).keyStore).toEqual({
      kind: 'vault', address: 'https://vault.example.nl:8200', token: 'hvs.secret-token-value', transitMount: 'transit', kvMount: 'secret', keyPrefix: 'brigade-', timeoutMs: 5_000,
    });
  });

  it('takes Vault mounts, a key prefix and a timeout from the environment', () => {
    const env = { ...VAULT, BRIGADE_VAULT_TRANSIT_MOUNT: '/kms/transit/', BRIGADE_VAULT_KV_MOUNT: 'kms/kv', BRIGADE_VAULT_KEY_PREFIX: 'acc-', BRIGADE_VAULT_TIMEOUT: '2s' };
    expect(loadBrigadeConfig(env).keyStore).toMatchObject({ transitMount: 'kms/transit', kvMount: 'kms/kv', keyPrefix: 'acc-', timeoutMs: 2_000 });
  });

  it.each([
    [{ BRIGADE_KEY_STORE: 'hsm' }, /BRIGADE_KEY_STORE must be one of folder, vault, got "hsm"/],
    [{ BRIGADE_KEY_ENCRYPTION_KEY: 'c2hvcnQ=' }, /BRIGADE_KEY_ENCRYPTION_KEY must be 32 bytes in base64/],
    [{ BRIGADE_KEY_ENCRYPTION_KEY: `${KEK.slice(0, -4)}!!!=` }, /BRIGADE_KEY_ENCRYPTION_KEY must be 32 bytes in base64/],
    [{ BRIGADE_VAULT_ADDR: 'https://vault.example.nl:8200' }, /BRIGADE_VAULT_ADDR is set but BRIGADE_KEY_STORE is folder/],
    [{ BRIGADE_KEY_STORE: 'vault', BRIGADE_VAULT_TOKEN: 'hvs.x' }, /BRIGADE_VAULT_ADDR must be set with BRIGADE_KEY_STORE=vault/],
    [{ ...VAULT, BRIGADE_VAULT_ADDR: 'vault:8200' }, /BRIGADE_VAULT_ADDR must be an http\(s\) URL/],
    [{ ...VAULT, BRIGADE_VAULT_TOKEN: ' ' }, /BRIGADE_VAULT_TOKEN must be set with BRIGADE_KEY_STORE=vault/],
    [{ ...VAULT, BRIGADE_VAULT_TRANSIT_MOUNT: 'transit?x=1' }, /BRIGADE_VAULT_TRANSIT_MOUNT must be a Vault mount path/],
    [{ ...VAULT, BRIGADE_VAULT_KV_MOUNT: 'a/../b' }, /BRIGADE_VAULT_KV_MOUNT must be a Vault mount path/],
    [{ ...VAULT, BRIGADE_VAULT_KEY_PREFIX: 'brigade/' }, /BRIGADE_VAULT_KEY_PREFIX may hold only/],
    [{ ...VAULT, BRIGADE_VAULT_TIMEOUT: '5000' }, /BRIGADE_VAULT_TIMEOUT must be a duration/],
    [{ ...VAULT, BRIGADE_KEY_ENCRYPTION_KEY: KEK }, /BRIGADE_KEY_ENCRYPTION_KEY applies only to BRIGADE_KEY_STORE=folder/],
  ])('refuses %j with an error that names the variable', (env, message) => {
    expect(() => loadBrigadeConfig(env)).toThrow(ConfigError);
    expect(() => loadBrigadeConfig(env)).toThrow(message);
  });

  it('never repeats a secret in its errors', () => {
    const secret = Buffer.alloc(31, 9).toString('base64');
    expect(() => loadBrigadeConfig({ BRIGADE_KEY_ENCRYPTION_KEY: secret })).toThrow(expect.objectContaining({ message: expect.not.stringContaining(secret) }));
    expect(() => loadBrigadeConfig({ ...VAULT, BRIGADE_VAULT_ADDR: 'nope' })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('secret-token-value') }));
  });
});
