import { underFixtureKey } from '../../support/faults/stuck-case-operator';
import { testFixtureCodec, testPayloadCodec } from '../../support/payload-keys';

describe('a stuck case\'s history kept by the fault test', () => {
  it('is encrypted under the replay fixtures\' key instead of the run\'s, and keeps the payloads no codec encrypted', async () => {
    const [encrypted] = await testPayloadCodec().encode([{ metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from('{"caseId":"c-1"}') }]);
    const asJson = (payload: typeof encrypted) => ({
      metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')])),
      data: Buffer.from(payload.data ?? []).toString('base64'),
    });
    const searchAttribute = { metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('"Triage"').toString('base64') };
    const history = { events: [{ eventId: '1', input: { payloads: [asJson(encrypted)] }, searchAttributes: { indexedFields: { BrigadeStage: searchAttribute } } }] };

    const kept = await underFixtureKey(history) as { events: Array<{ input: { payloads: Array<{ metadata: Record<string, string>; data: string }> }; searchAttributes: unknown }> };
    const [payload] = kept.events[0].input.payloads;
    const [opened] = await testFixtureCodec().decode([{
      metadata: Object.fromEntries(Object.entries(payload.metadata).map(([name, text]) => [name, Buffer.from(text, 'base64')])), data: Buffer.from(payload.data, 'base64'),
    }]);

    expect(Buffer.from(opened.data ?? []).toString()).toBe('{"caseId":"c-1"}');
    await expect(testPayloadCodec().decode([{ metadata: { encoding: Buffer.from('binary/encrypted'), 'encryption-key-id': Buffer.from(payload.metadata['encryption-key-id'], 'base64') }, data: Buffer.from(payload.data, 'base64') }]))
      .rejects.toThrow();
    expect(kept.events[0].searchAttributes).toEqual({ indexedFields: { BrigadeStage: searchAttribute } });
  });
});
