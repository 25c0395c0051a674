import type { Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { replayHistories } from '../../src/audit/workflow-replayer';
import { brigadeDataConverter } from '../../src/crypto/brigade-data-converter';
import { DESTROYED } from '../../src/domain/sensitive-fields';
import { CASE_ID_METADATA, CasePayloadCodec } from '../../src/field-encryption/case-payload-codec';
import { SealedFieldsOpener } from '../../src/field-encryption/sealed-fields-opener';
import { officeHolderScope } from '../../src/field-encryption/person-scope';
import type { SupportRequest } from '../../src/domain/support-request';
import type { ArchivedHistory } from '../../src/history-archive/history-archive.port';
import {
  cancelCase, completeTask, holdSession, raiseConcern, reportIntervention, respondToOffer, scheduleSession, triage,
} from '../../workflows/messages';
import { COORDINATOR } from '../support/case-fixtures';
import { anExpertPool, expert, startCase } from '../support/case-driver';
import { testPayloadCodec } from '../support/payload-keys';
import { createWorkflowHarness, workflowBundle, type WorkflowHarness } from '../support/workflow-harness';

/** Every payload in a history, wherever its event keeps it (inputs, results, update outcomes, failures' details). */
function payloadsIn(value: unknown, found: Payload[] = []): Payload[] {
  if (value instanceof Uint8Array || typeof value !== 'object' || value === null) return found;
  const record = value as Record<string, unknown>;
  if (record.data instanceof Uint8Array && typeof record.metadata === 'object' && record.metadata !== null) {
    found.push(record as Payload);
    return found;
  }
  for (const child of Object.values(record)) payloadsIn(child, found);
  return found;
}

const decodeHistory = (archived: ArchivedHistory) => temporal.api.history.v1.History.decode(archived.history);
const text = (payloads: readonly Payload[]) => payloads.map((payload) => Buffer.from(payload.data ?? []).toString('utf8')).join('\n');
const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe("a case's sensitive fields in Temporal's histories: sealed under the case's keys, shredded with them, still replaying", () => {
  let harness: WorkflowHarness;
  const marker = `canary${randomBytes(8).toString('hex')}`;

  beforeAll(async () => {
    harness = await createWorkflowHarness();
    // The experts' names are theirs too: sealed under each expert's key, around the case's.
    await anExpertPool(harness, Array.from({ length: 4 }, (_, index) => ({ name: `Expert ${marker} ${index}` })));
  });
  afterAll(() => harness?.close());

  it('seals every free text a person wrote, opens it for a reader with the keys, and reads as destroyed once they are gone', async () => {
    let request: SupportRequest | undefined;
    const archived = await harness.withWorker(async () => {
      const sut = await startCase(harness, {
        category: 'CITIZEN_MEETING', description: `Avond over opvang; ${marker} in de beschrijving`,
        officeHolder: { name: `Wethouder ${marker}`, office: `wethouder ${marker} wonen`, details: `woont aan de ${marker}laan` },
      });
      await sut.handle.executeUpdate(triage, { args: [{ decision: 'accept', reason: `aanvaard: ${marker}`, actor: COORDINATOR }] });
      request = ((await sut.eventsOf('RequestReceived'))[0].data as { request: SupportRequest }).request;
      const offered = await sut.waitFor((s) => s.openOffers.length > 0, 'an offer');
      const [first] = offered.openOffers;
      await sut.handle.executeUpdate(respondToOffer, { args: [{ offerId: first.offerId, response: 'decline', reason: `ken ${marker}`, actor: expert(first.expertId) }] });
      await sut.acceptOffersUntilTeamAssembled();
      const preparing = await sut.waitFor((s) => s.tasks.length > 0, 'the preparation tasks');
      const lead = sut.lead(preparing);
      await sut.handle.executeUpdate(scheduleSession, { args: [{ scheduledAt: new Date(Date.parse(preparing.session!.scheduledAt) + 3_600_000).toISOString(), note: `zaal ${marker}`, actor: COORDINATOR }] });
      for (const task of preparing.tasks) {
        await sut.handle.executeUpdate(completeTask, { args: [{ taskId: task.taskId, outcome: `gesprek met ${marker}`, actor: expert(task.assigneeId!) }] });
      }
      await sut.handle.signal(raiseConcern, { concern: `zorg over ${marker}`, actor: lead });
      await sut.waitFor((s) => s.openEscalations.length > 0, 'the concern escalated');
      await sut.handle.executeUpdate(holdSession, { args: [{ outcomes: `afspraken met ${marker}`, actor: lead }] });
      const held = await sut.state();
      await harness.env.sleep(Date.parse(held.eventDate!) - (await harness.env.currentTimeMs()) + 60_000);
      await sut.handle.executeUpdate(reportIntervention, { args: [{ outcome: 'incident', notes: `incident bij ${marker}`, actor: lead }] });
      await sut.handle.executeUpdate(cancelCase, { args: [{ reason: `gestopt: ${marker}`, actor: COORDINATOR }] });
      await sut.handle.result();
      await sut.awaitArchive();
      return harness.historyArchive.findByCase(sut.caseId);
    });
    const caseId = archived[0].caseId;
    const histories = archived.map(decodeHistory);
    const payloads = histories.flatMap((history) => payloadsIn(history));
    // The case's workflow and at least the ladders of the concern's and the incident's escalations.
    expect(archived.map((entry) => entry.workflowType)).toEqual(expect.arrayContaining(['supportCase', 'escalationLadder']));

    const payloadKeyOnly = await testPayloadCodec().decode(payloads);
    const keyStore = harness.db.keyStore;
    const withDataKeys = await new CasePayloadCodec(keyStore).decode(payloadKeyOnly);

    // With the payload key alone, as Temporal's operator or the codec endpoint before this change saw it: no marker.
    expect(occurrences(text(payloadKeyOnly), marker)).toBe(0);
    expect(payloadKeyOnly.filter((payload) => payload.metadata?.[CASE_ID_METADATA]).length).toBeGreaterThan(10);
    // With the case's data keys the same payloads read as written: the scan above would have found them.
    const opened = text(withDataKeys);
    for (const written of [
      `Avond over opvang; ${marker} in de beschrijving`, `Wethouder ${marker}`, `woont aan de ${marker}laan`, `aanvaard: ${marker}`,
      `ken ${marker}`, `Expert ${marker} 0`, `zaal ${marker}`, `gesprek met ${marker}`, `zorg over ${marker}`, `afspraken met ${marker}`, `incident bij ${marker}`, `gestopt: ${marker}`,
    ]) expect(opened).toContain(written);

    const person = await officeHolderScope(request!, keyStore);
    await keyStore.destroy(keyStore.keyIdFor({ kind: 'case', caseId }), { reason: 'retention', reference: 'test', destroyedAt: new Date().toISOString() });
    await keyStore.destroy(keyStore.keyIdFor(person!), { reason: 'erasure', reference: 'test', destroyedAt: new Date().toISOString() });

    const shredded = text(await new CasePayloadCodec(keyStore).decode(payloadKeyOnly));
    expect(occurrences(shredded, marker)).toBe(0);
    expect(occurrences(shredded, JSON.stringify(DESTROYED))).toBeGreaterThanOrEqual(11);

    // The audit's replay, which opens no field, and a replay through the full converter with the keys destroyed.
    const replay = await replayHistories(archived.map((entry) => ({ workflowId: entry.workflowId, history: decodeHistory(entry) })), [], testPayloadCodec());
    expect(replay.workflows.map(({ workflowId, status }) => ({ workflowId, status })))
      .toEqual(archived.map(({ workflowId }) => ({ workflowId, status: 'passed' })));
    const options = { workflowBundle: await workflowBundle(), dataConverter: brigadeDataConverter(testPayloadCodec(), new CasePayloadCodec(keyStore)) };
    for (const entry of archived.filter(({ workflowType }) => workflowType === 'supportCase')) {
      await expect(Worker.runReplayHistory(options, decodeHistory(entry), entry.workflowId)).resolves.toBeUndefined();
    }
  });

  it('accepts and seals a new request about an office holder whose key an erasure destroyed, under the next generation of their key', async () => {
    // Found by the attack pass: the new case was acknowledged with 201, then its workflow failed on the destroyed key.
    const officeHolder = { name: `Wethouder ${marker} Opnieuw`, office: 'wethouder veiligheid' };
    const run = (description: string) => harness.withWorker(async () => {
      const sut = await startCase(harness, { category: 'THREAT_TO_OFFICIAL', municipalityCode: 'GM0363', municipality: 'Amsterdam', description, officeHolder });
      await sut.handle.executeUpdate(triage, { args: [{ decision: 'accept', actor: COORDINATOR }] });
      const [received] = await sut.eventsOf('RequestReceived');
      await sut.cancel();
      return { caseId: sut.caseId, received };
    });
    const keyStore = harness.db.keyStore;
    const first = await run('eerste dreiging');
    const firstKeyId = (await harness.eventStore.readStream(first.caseId))[0].data as unknown as { request: { officeHolder: { name: { $sealed: string } } } };
    const erasedKeyId = firstKeyId.request.officeHolder.name.$sealed.split(':')[0];
    await keyStore.destroy(erasedKeyId, { reason: 'erasure', reference: 'test', destroyedAt: new Date().toISOString() });

    const second = await run('tweede dreiging');

    expect((second.received.data as { request: SupportRequest }).request.officeHolder).toEqual(officeHolder);
    const secondStored = (await harness.eventStore.readStream(second.caseId))[0].data as unknown as { request: { officeHolder: { name: { $sealed: string } } } };
    expect(secondStored.request.officeHolder.name.$sealed.split(':')[0]).toBe(`${erasedKeyId}-g2`);
    const [firstAgain] = await new SealedFieldsOpener(keyStore).openEvents((await harness.eventStore.readStream(first.caseId)).slice(0, 1));
    expect((firstAgain.data as { request: SupportRequest }).request.officeHolder?.name).toBe(DESTROYED);
  });
});
