import { generateKeyPairSync } from 'node:crypto';

// One checkpoint-signing key per test process, so that no test writes a key into the project's data folder.
const testLogKey = generateKeyPairSync('ed25519');

/** The environment that gives an app under test its log signing key. */
export const TEST_LOG_KEY_ENV = {
  BRIGADE_LOG_SIGNING_KEY: testLogKey.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};

/** The public half of the test log key. */
export const TEST_LOG_PUBLIC_KEY = testLogKey.publicKey;
