import type { Payload, SerializationContext } from '@temporalio/common';
import { defaultPayloadConverter } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { literalText } from '../../../src/domain/domain-text';
import { DESTROYED, REDACTED } from '../../../src/domain/sensitive-fields';
import { CASE_ID_METADATA, CasePayloadCodec, DATA_KEYS_METADATA } from '../../../src/field-encryption/case-payload-codec';
import { SealedFieldUnreadableError } from '../../../src/field-encryption/field-encryption.errors';
import { FolderDataKeyStore, dataKeyFolderPath } from '../../../src/key-store/folder-data-key-store';
import { KeyStoreUnavailableError } from '../../../src/key-store/key-store.errors';
import { COORDINATOR, aSupportRequest } from '../../support/case-fixtures';

const CANARY = 'canary-51c9';
const bytes = (payload: Payload) => Buffer.from(payload.data ?? []).toString('utf8');
const value = (payload: Payload) => defaultPayloadConverter.fromPayload<Record<string, unknown>>(payload);
const destroyedNow = (reason: 'retention' | 'erasure') => ({ reason, reference: 'test', destroyedAt: new Date().toISOString() });

describe('the case payload codec: a case\'s sensitive fields sealed inside Temporal payloads', () => {
  let folder: string;
  let keyStore: FolderDataKeyStore;
  let sut: CasePayloadCodec;
  let caseId: string;
  let context: SerializationContext;

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'brigade-payload-seal-'));
    keyStore = FolderDataKeyStore.open(folder);
    sut = new CasePayloadCodec(keyStore);
    caseId = randomUUID();
    context = { type: 'workflow', namespace: 'default', workflowId: `case-${caseId}` };
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const startInput = () => defaultPayloadConverter.toPayload({
    request: aSupportRequest({ caseId, description: `${CANARY} description`, officeHolder: { name: `${CANARY} Jan`, office: `${CANARY} wethouder` } }),
    registeredBy: COORDINATOR,
  });

  it('seals the request, the office holder under the person key, and names the case and keys; opening gives the value back', async () => {
    const [sealed] = await sut.encode([startInput()], context);
    const [opened] = await sut.decode([sealed]);

    expect(bytes(sealed)).not.toContain(CANARY);
    expect(Buffer.from(sealed.metadata![CASE_ID_METADATA]!).toString()).toBe(caseId);
    const keyIds = Buffer.from(sealed.metadata![DATA_KEYS_METADATA]!).toString().split(',');
    expect(keyIds).toEqual(expect.arrayContaining([`case-${caseId}`, expect.stringMatching(/^person-/)]));
    expect(value(opened)).toEqual(value(startInput()));
    expect(opened.metadata?.[CASE_ID_METADATA]).toBeUndefined();
  });

  it("seals a decision's words and literal texts anywhere, but not codes, ids, enumerations or empty texts", async () => {
    const decision = { actor: COORDINATOR, taskId: 't-1', outcome: `${CANARY} outcome`, note: '', reason: literalText(`${CANARY} literal`) };
    const report = { actor: COORDINATOR, outcome: 'incident', notes: `${CANARY} notes` };
    const [sealedDecision, sealedReport] = await sut.encode([defaultPayloadConverter.toPayload(decision), defaultPayloadConverter.toPayload(report)], context);

    expect(bytes(sealedDecision) + bytes(sealedReport)).not.toContain(CANARY);
    expect(value(sealedDecision)).toMatchObject({ taskId: 't-1', note: '', reason: { code: 'literal' } });
    // The intervention's outcome is a code the workflow decides on; only a task's outcome is a person's words.
    expect(value(sealedReport).outcome).toBe('incident');
  });

  it("leaves the payloads of other workflows, and those it did not seal, as they are", async () => {
    const input = startInput();
    const [other] = await sut.encode([input], { type: 'workflow', namespace: 'default', workflowId: 'brigade-retention-review' });
    const [unsealed] = await sut.decode([input]);

    expect(other).toBe(input);
    expect(unsealed).toBe(input);
  });

  it('reads a destroyed case key as destroyed, the office holder too, and writes nothing new under it', async () => {
    const [sealed] = await sut.encode([startInput()], context);
    await keyStore.destroy(`case-${caseId}`, destroyedNow('retention'));
    const [opened] = await new CasePayloadCodec(FolderDataKeyStore.open(folder)).decode([sealed]);
    const [written] = await new CasePayloadCodec(FolderDataKeyStore.open(folder)).encode([startInput()], context);

    expect(value(opened).request).toMatchObject({ description: DESTROYED, officeHolder: { name: DESTROYED, office: DESTROYED } });
    expect(value(written).request).toMatchObject({ description: DESTROYED, officeHolder: { name: DESTROYED } });
    expect(bytes(written)).not.toContain(`${CANARY} description`);
  });

  it("reads the office holder as destroyed once the person's key is, and the rest as written", async () => {
    const [sealed] = await sut.encode([startInput()], context);
    const personKeyId = Buffer.from(sealed.metadata![DATA_KEYS_METADATA]!).toString().split(',').find((keyId) => keyId.startsWith('person-'))!;
    await keyStore.destroy(personKeyId, destroyedNow('erasure'));
    const [opened] = await new CasePayloadCodec(FolderDataKeyStore.open(folder)).decode([sealed]);

    expect(value(opened).request).toMatchObject({ description: `${CANARY} description`, officeHolder: { name: DESTROYED, office: DESTROYED } });
  });

  it('reads every field as redacted without a key store, as the audit replays histories', async () => {
    const [sealed] = await sut.encode([startInput()], context);
    const [opened] = await new CasePayloadCodec(null).decode([sealed]);

    expect(value(opened).request).toMatchObject({ description: REDACTED, officeHolder: { name: REDACTED, office: REDACTED } });
  });

  it('refuses a sealed field moved to another field, naming the field and the key', async () => {
    const [sealed] = await sut.encode([startInput()], context);
    const moved = value(sealed) as { request: { description: unknown; officeHolder: { office: unknown } } };
    moved.request.description = moved.request.officeHolder.office;
    const tampered = { ...sealed, data: Buffer.from(JSON.stringify(moved)) };

    await expect(sut.decode([tampered])).rejects.toThrow(SealedFieldUnreadableError);
    await expect(sut.decode([tampered])).rejects.toThrow(/payload:request\.description/);
  });

  it('fails with the key store unavailable, naming it, rather than writing or reading anything', async () => {
    const [sealed] = await sut.encode([startInput()], context);
    const unreachable = new CasePayloadCodec(FolderDataKeyStore.open(folder));
    // Its folder gone (an unmounted volume), as root too, whom no file mode stops.
    rmSync(dataKeyFolderPath(folder), { recursive: true });

    await expect(unreachable.decode([sealed])).rejects.toThrow(KeyStoreUnavailableError);
    await expect(unreachable.encode([startInput()], { ...context, workflowId: `case-${randomUUID()}` })).rejects.toThrow(KeyStoreUnavailableError);
  });
});
