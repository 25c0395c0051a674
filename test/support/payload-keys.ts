import type { DataConverter } from '@temporalio/common';
import { createHash, randomBytes } from 'node:crypto';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { AesGcmPayloadCodec } from '../../src/crypto/aes-gcm-payload-codec';
import { brigadeDataConverter } from '../../src/crypto/brigade-data-converter';
import { CasePayloadCodec } from '../../src/field-encryption/case-payload-codec';
import type { DataKeyStore } from '../../src/key-store/data-key-store.port';

/** The id of the payload key tests encrypt with. */
export const TEST_PAYLOAD_KEY_ID = 'test-key';

/**
 * The environment that gives an app or process under test this test run's payload key (fresh for each test file),
 * so that nothing writes a key into the repository's data folder; merge it into the env the config is loaded from.
 */
export const TEST_PAYLOAD_KEY_ENV: Readonly<Record<string, string>> = {
  BRIGADE_PAYLOAD_KEYS: `${TEST_PAYLOAD_KEY_ID}:${randomBytes(32).toString('base64')}`,
  BRIGADE_PAYLOAD_KEY_ID: TEST_PAYLOAD_KEY_ID,
};

/** The payload codec holding the test key, as production builds it from the same variables. */
export function testPayloadCodec(): AesGcmPayloadCodec {
  return new AesGcmPayloadCodec({ ...loadBrigadeConfig(TEST_PAYLOAD_KEY_ENV).payloadKeys!, source: 'TEST_PAYLOAD_KEY_ENV' });
}

/**
 * The key the replay fixtures under test/fixtures/histories are encrypted with. It protects nothing — the fixtures hold
 * made-up cases — and is fixed so that a history recorded today still decrypts when the replay test reads it next year.
 */
const FIXTURE_PAYLOAD_KEY_ENV: Readonly<Record<string, string>> = {
  BRIGADE_PAYLOAD_KEYS: `fixture-key:${createHash('sha256').update('brigade replay fixtures').digest('base64')}`,
  BRIGADE_PAYLOAD_KEY_ID: 'fixture-key',
};

/**
 * Brigade's data converter with the replay fixtures' key, for recording fixtures and replaying them. A case's fields
 * are sealed under data keys only when a recording gives a key store; replaying opens none, as the audit's replay does,
 * so a fixture recorded with keys that are gone since replays like a case whose keys were destroyed.
 */
export function fixtureDataConverter(keyStore: DataKeyStore | null = null): DataConverter {
  return brigadeDataConverter(testFixtureCodec(), new CasePayloadCodec(keyStore));
}

/** The payload codec holding the replay fixtures' key. */
export function testFixtureCodec(): AesGcmPayloadCodec {
  return new AesGcmPayloadCodec({ ...loadBrigadeConfig(FIXTURE_PAYLOAD_KEY_ENV).payloadKeys!, source: 'FIXTURE_PAYLOAD_KEY_ENV' });
}

/**
 * Brigade's data converter with the test key, for test clients and workers talking to a Temporal server; given a key
 * store, it seals a case's payload fields under that store's data keys first, as production does.
 */
export function testDataConverter(keyStore?: DataKeyStore): DataConverter {
  return brigadeDataConverter(testPayloadCodec(), keyStore && new CasePayloadCodec(keyStore));
}
