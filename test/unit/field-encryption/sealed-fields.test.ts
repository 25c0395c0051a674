import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { caseEvent, type CaseEvent, type CaseEventPayloads } from '../../../src/domain/case.events';
import { domainText, literalText } from '../../../src/domain/domain-text';
import { DESTROYED, SENSITIVE_STATE_FIELDS, mapSensitiveLeaves } from '../../../src/domain/sensitive-fields';
import { CaseFieldSealer } from '../../../src/field-encryption/case-field-sealer';
import { SealedFieldUnreadableError } from '../../../src/field-encryption/field-encryption.errors';
import { SealedFieldsOpener } from '../../../src/field-encryption/sealed-fields-opener';
import { isSealedValue, sealedKeyId, type SealedValue } from '../../../src/field-encryption/sealed-value';
import { FolderDataKeyStore } from '../../../src/key-store/folder-data-key-store';
import { COORDINATOR, aSupportRequest } from '../../support/case-fixtures';

const CANARY = 'canary-7f3a';

function stored<E extends Omit<CaseEvent, 'version' | 'caseId'>>(caseId: string, event: E, version = 1): CaseEvent {
  return { ...event, caseId, version } as CaseEvent;
}

function aReceivedEvent(caseId: string, name = `${CANARY} Jan de Boer`) {
  const request = aSupportRequest({
    caseId, description: `${CANARY} description`, officeHolder: { name, office: `${CANARY} wethouder`, details: `${CANARY} details` },
  });
  return stored(caseId, caseEvent('RequestReceived', { request }, COORDINATOR, '2026-11-01T09:00:00.000Z'));
}

describe('sealing and opening sensitive fields', () => {
  let folder: string;
  let keyStore: FolderDataKeyStore;
  let sealer: CaseFieldSealer;
  let sut: SealedFieldsOpener;

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'brigade-seal-test-'));
    keyStore = FolderDataKeyStore.open(folder);
    sealer = new CaseFieldSealer(keyStore);
    sut = new SealedFieldsOpener(keyStore);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  describe('the walker', () => {
    it('reaches every element of a list, and only the literal texts of a coded text', () => {
      const state = { riskReasons: [domainText('risk.threats_received'), literalText('typed'), domainText('escalation.risk_raised', { reason: literalText('deep') })] };
      const paths: string[] = [];

      const mapped = mapSensitiveLeaves(state, ['riskReasons.*'], (leaf, at) => {
        paths.push(at);
        return `<${String(leaf)}>`;
      });

      expect(mapped.riskReasons).toEqual([
        domainText('risk.threats_received'), literalText('<typed>'), domainText('escalation.risk_raised', { reason: literalText('<deep>') }),
      ]);
      expect(paths).toEqual(['riskReasons.*', 'riskReasons.*']);
      expect(state.riskReasons[1]).toEqual(literalText('typed'));
    });
  });

  describe('when an event is sealed', () => {
    it('holds no sensitive text in its stored form, and opens to what was written', async () => {
      const caseId = crypto.randomUUID();
      const event = aReceivedEvent(caseId);

      const sealed = await sealer.sealEvent(caseId, event);

      expect(JSON.stringify(sealed)).not.toContain(CANARY);
      const { request } = sealed.data as CaseEventPayloads['RequestReceived'];
      expect(isSealedValue(request.description)).toBe(true);
      expect(request.municipality).toBe('Zoetermeer');
      expect(await sut.openEvents([sealed])).toEqual([event]);
    });

    it('seals the office holder under a person key that is the same across cases, whatever the spacing and case of the name', async () => {
      const [firstCase, secondCase] = [crypto.randomUUID(), crypto.randomUUID()];
      const first = await sealer.sealEvent(firstCase, aReceivedEvent(firstCase, 'Jan  de Boer '));
      const second = await sealer.sealEvent(secondCase, aReceivedEvent(secondCase, 'jan de boer'));
      const keyOf = (event: CaseEvent, field: 'name' | 'office') => {
        const holder = (event.data as CaseEventPayloads['RequestReceived']).request.officeHolder!;
        return (holder[field] as unknown as SealedValue).$sealed.split(':')[0];
      };
      const descriptionKey = ((first.data as CaseEventPayloads['RequestReceived']).request.description as unknown as SealedValue).$sealed.split(':')[0];

      expect(keyOf(first, 'name')).toMatch(/^person-[0-9a-f]{32}$/);
      expect(keyOf(first, 'name')).toBe(keyOf(second, 'office'));
      expect(keyOf(first, 'name')).not.toContain('boer');
      expect(descriptionKey).toBe(`case-${first.caseId}`);
    });

    it('leaves a value that was stored plain before sealing began as it is', async () => {
      const legacy = aReceivedEvent(crypto.randomUUID());

      expect(await sut.openEvents([legacy])).toEqual([legacy]);
    });

    it('names the field when its ciphertext was altered', async () => {
      const caseId = crypto.randomUUID();
      const sealed = await sealer.sealEvent(caseId, aReceivedEvent(caseId));
      const { request } = sealed.data as CaseEventPayloads['RequestReceived'];
      const original = (request.description as unknown as SealedValue).$sealed;
      const flipped = `${original.slice(0, -6)}${original.slice(-6, -5) === 'A' ? 'B' : 'A'}${original.slice(-5)}`;
      const tampered = { ...sealed, data: { request: { ...request, description: { $sealed: flipped } } } } as unknown as CaseEvent;

      const opening = sut.openEvents([tampered]);

      await expect(opening).rejects.toThrow(SealedFieldUnreadableError);
      await expect(opening).rejects.toThrow('RequestReceived:request.description');
    });

    it('does not open a value moved into another case', async () => {
      const caseId = crypto.randomUUID();
      const sealed = await sealer.sealEvent(caseId, aReceivedEvent(caseId));

      await expect(sut.openEvents([{ ...sealed, caseId: crypto.randomUUID() }])).rejects.toThrow(SealedFieldUnreadableError);
    });
  });

  describe('when the case key was destroyed', () => {
    it('reads its fields as destroyed, the coded parts of a text kept, and the office holder too though the person key lives on', async () => {
      const caseId = crypto.randomUUID();
      const received = await sealer.sealEvent(caseId, aReceivedEvent(caseId));
      const riskChanged = await sealer.sealEvent(caseId, stored(caseId, caseEvent('RiskLevelChanged', {
        from: 'LOW', to: 'HIGH', reason: literalText(`${CANARY} reason`),
      }, COORDINATOR, '2026-11-02T09:00:00.000Z'), 2));
      await keyStore.destroy(`case-${caseId}`, { reason: 'retention', reference: 'test', destroyedAt: '2027-01-01T00:00:00.000Z' });

      const [openedReceived, openedRisk] = await sut.openEvents([received, riskChanged]);

      const { request } = openedReceived.data as CaseEventPayloads['RequestReceived'];
      expect(request.description).toBe(DESTROYED);
      expect(request.officeHolder).toEqual({ name: DESTROYED, office: DESTROYED, details: DESTROYED });
      expect(sealedKeyId((received.data as { request: { officeHolder: { name: SealedValue } } }).request.officeHolder.name)).toMatch(/^person-/);
      expect((openedRisk.data as CaseEventPayloads['RiskLevelChanged']).reason).toEqual(literalText(DESTROYED));
    });
  });

  describe('when a state is sealed', () => {
    it('seals only what is not sealed yet, and opens every sensitive field', async () => {
      const caseId = crypto.randomUUID();
      const state = {
        caseId, riskReasons: [domainText('risk.threats_received'), literalText(`${CANARY} 1`)], rejectionReason: null,
        tasks: [{ taskId: 't1', outcome: `${CANARY} outcome` }], session: null, intervention: null, openEscalations: [], evaluation: `${CANARY} evaluation`,
        cancellationReason: null,
      } as never;

      const once = await sealer.sealState(state);
      const twice = await sealer.sealState(once);

      expect(JSON.stringify(once)).not.toContain(CANARY);
      expect(twice).toBe(once);
      expect(await sut.openState(once)).toEqual(state);
      expect(SENSITIVE_STATE_FIELDS).toContain('evaluation');
    });
  });
});
