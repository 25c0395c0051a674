import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { randomBytes, randomUUID } from 'node:crypto';
import type { UserRole } from '../../src/domain/user-role';
import { CodecServerModule } from '../../src/codec-server/codec-server.module';
import { allowCodecCors } from '../../src/codec-server/codec-cors';
import { MAX_CODEC_PAYLOADS } from '../../src/codec-server/dto/codec-payloads.dto';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { AesGcmPayloadCodec } from '../../src/crypto/aes-gcm-payload-codec';
import { createApiApp, type ApiApp } from '../support/api-app';
import { TEST_PAYLOAD_KEY_ID, testPayloadCodec } from '../support/payload-keys';
import { registerPoolExperts } from '../support/pool-experts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { bearer } from '../support/tokens';

/** A payload in the JSON form of Temporal's remote codec protocol, as the Temporal UI and CLI send it. */
interface PayloadJson {
  metadata?: Record<string, string>;
  data?: string;
}

const toJson = (payload: Payload): PayloadJson => ({
  metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([name, value]) => [name, Buffer.from(value).toString('base64')])),
  data: Buffer.from(payload.data ?? []).toString('base64'),
});
const fromJson = (json: PayloadJson): Payload => ({
  metadata: Object.fromEntries(Object.entries(json.metadata ?? {}).map(([name, value]) => [name, Buffer.from(value, 'base64')])),
  data: Buffer.from(json.data ?? '', 'base64'),
});
const encodingOf = (json: PayloadJson) => Buffer.from(json.metadata?.encoding ?? '', 'base64').toString('utf8');

// The embedded Temporal UI's origin, which the default configuration lets call the codec endpoint.
const UI_ORIGIN = 'http://localhost:8233';

describe('the codec endpoint (Temporal remote codec protocol)', () => {
  let db: TestDatabase;
  let app: ApiApp;
  const marker = `canary-${randomUUID()}`;
  // An expert of the pool, so that their refusal is the codec's 403 and not the guard's 401 for an unknown expert.
  const expertId = randomUUID();
  const plain = () => toJson(defaultPayloadConverter.toPayload({ description: `Dreigbrief aan ${marker}` }));

  beforeAll(async () => {
    db = await createTestDatabase();
    await registerPoolExperts(db, expertId);
    // The same CORS set-up as brigade-app.ts, with the origins the default configuration allows.
    app = await createApiApp(db, { imports: [CodecServerModule], beforeInit: (nest) => allowCodecCors(nest, loadBrigadeConfig({}).codecCorsOrigins) });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const post = (path: string, role?: UserRole) => {
    const pending = app.api().post(path);
    return role ? pending.set('Authorization', bearer(role, role === 'expert' ? expertId : `${role}.test`)) : pending;
  };

  describe('for a coordinator', () => {
    it('encrypts payloads so the text no longer shows, and decrypts them back to the same payloads', async () => {
      const sent = { payloads: [plain(), toJson(defaultPayloadConverter.toPayload(42))] };

      const encoded = (await post('/codec/encode', 'coordinator').send(sent).expect(200)).body as { payloads: PayloadJson[] };
      const decoded = (await post('/codec/decode', 'coordinator').send(encoded).expect(200)).body as { payloads: PayloadJson[] };

      expect(encoded.payloads.map(encodingOf)).toEqual(['binary/encrypted', 'binary/encrypted']);
      expect(Buffer.from(encoded.payloads[0].data!, 'base64').includes(marker)).toBe(false);
      expect(decoded).toEqual(sent);
    });

    it('decrypts what the worker encrypted, with the key it names', async () => {
      const [encrypted] = await testPayloadCodec().encode([fromJson(plain())]);

      const { body } = await post('/codec/decode', 'coordinator').send({ payloads: [toJson(encrypted)] }).expect(200);

      expect(Buffer.from(encrypted.metadata!['encryption-key-id']).toString()).toBe(TEST_PAYLOAD_KEY_ID);
      expect(defaultPayloadConverter.fromPayload(fromJson(body.payloads[0]))).toEqual({ description: `Dreigbrief aan ${marker}` });
    });

    it('returns payloads that were never encrypted as they are', async () => {
      const sent = { payloads: [plain(), {}] };

      await post('/codec/decode', 'coordinator').send(sent).expect(200, { payloads: [plain(), { metadata: {}, data: '' }] });
    });

    it('answers 422 naming the key for a payload encrypted with a key Brigade does not hold', async () => {
      const stranger = new AesGcmPayloadCodec({ activeKeyId: 'retired-2024', keys: [{ id: 'retired-2024', key: randomBytes(32) }], source: 'the test' });
      const [foreign] = await stranger.encode([fromJson(plain())]);

      const { body } = await post('/codec/decode', 'coordinator').send({ payloads: [toJson(foreign)] }).expect(422);

      expect(body).toMatchObject({ statusCode: 422, code: 'unprocessable', fields: [] });
      expect(body.reason).toMatchObject({ code: 'payload_undecryptable', params: { detail: expect.stringContaining('"retired-2024"') } });
      expect(JSON.stringify(body)).not.toContain(marker);
    });

    it('answers 422 naming the key for a payload that was altered', async () => {
      const [encrypted] = await testPayloadCodec().encode([fromJson(plain())]);
      const data = Buffer.from(encrypted.data!);
      data[30] ^= 0x01;

      const { body } = await post('/codec/decode', 'coordinator').send({ payloads: [toJson({ ...encrypted, data })] }).expect(422);

      expect(body.reason.params.detail).toMatch(new RegExp(`key "${TEST_PAYLOAD_KEY_ID}" does not decrypt`));
    });
  });

  describe.each(['expert', 'auditor'] as const)('for an %s', (role) => {
    it.each(['/codec/encode', '/codec/decode'])('refuses %s with 403', async (path) => {
      const { body } = await post(path, role).send({ payloads: [plain()] }).expect(403);

      expect(body).toMatchObject({ statusCode: 403, code: 'forbidden', reason: { code: 'role_not_allowed', params: { role, route: `POST ${path}` } } });
    });
  });

  it.each(['/codec/encode', '/codec/decode'])('refuses %s without a token with 401', async (path) => {
    await post(path).send({ payloads: [plain()] }).expect(401);
  });

  describe('with a bad body', () => {
    it.each([
      ['no payloads', {}, 'payloads'],
      ['payloads that are not a list', { payloads: 'x' }, 'payloads'],
      ['data that is not base64', { payloads: [{ data: 'not base64!' }] }, 'payloads.0.data'],
      ['metadata that is not a map', { payloads: [{ metadata: ['a'] }] }, 'payloads.0.metadata'],
      ['a metadata value that is not base64', { payloads: [{ metadata: { encoding: 'json plain' } }] }, 'payloads.0.metadata'],
      ['an unknown field', { payloads: [{ data: '', secret: 1 }] }, 'payloads.0.secret'],
      ['too many payloads', { payloads: Array.from({ length: MAX_CODEC_PAYLOADS + 1 }, () => ({})) }, 'payloads'],
    ])('answers 400 naming the field for %s', async (_case, body, field) => {
      const response = await post('/codec/decode', 'coordinator').send(body).expect(400);

      expect(response.body).toMatchObject({ statusCode: 400, code: 'invalid_input' });
      expect(response.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    });

    it('answers 400 for malformed JSON', async () => {
      const response = await post('/codec/encode', 'coordinator').set('Content-Type', 'application/json').send('{"payloads":').expect(400);

      expect(response.body).toMatchObject({ statusCode: 400, code: 'invalid_input' });
    });
  });

  describe('called from the Temporal UI in a browser', () => {
    const preflight = (path: string, origin: string) => app.api().options(path)
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type,x-namespace');

    it('answers the preflight, which carries no token, for the UI origin', async () => {
      const response = await preflight('/codec/decode', UI_ORIGIN).expect(204);

      expect(response.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
      expect(response.headers['access-control-allow-methods']).toBe('POST');
      expect(response.headers['access-control-allow-headers']).toBe('Authorization,Content-Type,X-Namespace');
    });

    it('lets the UI origin read the answer of a coordinator request', async () => {
      const response = await post('/codec/decode', 'coordinator').set('Origin', UI_ORIGIN).set('X-Namespace', 'default').send({ payloads: [plain()] }).expect(200);

      expect(response.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
    });

    it('gives no other origin leave to call it', async () => {
      const response = await preflight('/codec/decode', 'https://evil.example').expect(204);

      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('opens no other route to other origins', async () => {
      const response = await preflight('/cases', UI_ORIGIN);

      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
