import { Test } from '@nestjs/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadBrigadeConfig } from '../../../src/config/brigade-config';
import { ConfigModule } from '../../../src/config/config.module';
import { RuntimeConnections } from '../../../src/config/runtime-connections';
import { dataKeyStoreFor } from '../../../src/key-store/data-key-store.factory';
import { DATA_KEY_STORE, type DataKeyStore } from '../../../src/key-store/data-key-store.port';
import { dataKeyFolderPath, FolderDataKeyStore } from '../../../src/key-store/folder-data-key-store';
import { KeyStoreModule } from '../../../src/key-store/key-store.module';
import { VaultTransitDataKeyStore } from '../../../src/key-store/vault-transit-data-key-store';

describe('the configured key store', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'brigade-key-store-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is the data folder\'s by default', () => {
    const sut = dataKeyStoreFor(loadBrigadeConfig({ BRIGADE_DATA_DIR: dataDir }).keyStore);
    expect(sut).toBeInstanceOf(FolderDataKeyStore);
    expect(sut.location).toBe(dataKeyFolderPath(dataDir));
  });

  it('is Vault when configured, naming its address and never its token', () => {
    const env = { BRIGADE_KEY_STORE: 'vault', BRIGADE_VAULT_ADDR: 'https://vault.example.nl:8200', BRIGADE_VAULT_TOKEN: 'hvs.never-shown' };
    const sut = dataKeyStoreFor(loadBrigadeConfig(env).keyStore);
    expect(sut).toBeInstanceOf(VaultTransitDataKeyStore);
    expect(sut.location).toBe('https://vault.example.nl:8200');
  });

  it('is injectable under DATA_KEY_STORE from the Nest module', async () => {
    const config = loadBrigadeConfig({ BRIGADE_DATA_DIR: dataDir });
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config, new RuntimeConnections('postgres://unused', 'unused:7233', undefined)), KeyStoreModule],
    }).compile();
    const sut = moduleRef.get<DataKeyStore>(DATA_KEY_STORE);
    await expect(sut.keyFor({ kind: 'case', caseId: 'c-1' })).resolves.toMatchObject({ keyId: 'case-c-1' });
    await moduleRef.close();
  });
});
