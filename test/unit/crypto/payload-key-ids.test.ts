import { defaultPayloadConverter } from '@temporalio/common';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import { randomBytes } from 'node:crypto';
import { AesGcmPayloadCodec } from '../../../src/crypto/aes-gcm-payload-codec';
import { payloadKeyIdsIn } from '../../../src/crypto/payload-key-ids';

describe('finding the keys a history needs', () => {
  const codecFor = (id: string) => new AesGcmPayloadCodec({ activeKeyId: id, keys: [{ id, key: randomBytes(32) }], source: 'the test' });

  async function aHistory() {
    const [input] = await codecFor('2026-01').encode([defaultPayloadConverter.toPayload({ description: 'x' })]);
    const [result] = await codecFor('2026-07').encode([defaultPayloadConverter.toPayload('done')]);
    const plain = defaultPayloadConverter.toPayload('search attribute');
    return historyFromJSON({
      events: [
        { eventId: '1', eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED', workflowExecutionStartedEventAttributes: {
          workflowType: { name: 'supportCase' }, input: { payloads: [toJson(input)] },
          searchAttributes: { indexedFields: { BrigadeStage: toJson(plain) } },
        } },
        { eventId: '2', eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED', workflowExecutionCompletedEventAttributes: { result: { payloads: [toJson(result)] } } },
      ],
    });
  }

  it('names every key id in the proto form of a history, and only those of encrypted payloads', async () => {
    expect([...payloadKeyIdsIn(await aHistory())].sort()).toEqual(['2026-01', '2026-07']);
  });

  it('names the same key ids in its JSON form, as an audit bundle holds it', async () => {
    expect([...payloadKeyIdsIn(JSON.parse(historyToJSON(await aHistory())))].sort()).toEqual(['2026-01', '2026-07']);
  });

  it('finds none in an unencrypted history', () => {
    expect(payloadKeyIdsIn({ events: [{ input: { payloads: [toJson(defaultPayloadConverter.toPayload('x'))] } }] }).size).toBe(0);
  });
});

function toJson(payload: { metadata?: Record<string, Uint8Array> | null; data?: Uint8Array | null }) {
  return {
    metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([name, value]) => [name, Buffer.from(value).toString('base64')])),
    data: Buffer.from(payload.data ?? []).toString('base64'),
  };
}
