import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { OFFER_TIMEOUT_MS } from '../../src/domain/case-policy';
import { DAY, MINUTE } from '../../src/domain/durations';
import type { SupportRequest } from '../../src/domain/support-request';
import {
  acknowledgeEscalation, appointLead, assignExpert, cancelCase, changeRisk, completeTask, expertDeactivated, holdSession, raiseConcern, reassignTask, scheduleSession,
  respondToOffer, triage,
} from '../../workflows/messages';
import { CaseDriver, anExpertPool, startCase as startCaseIn, expert } from '../support/case-driver';
import { COORDINATOR } from '../support/case-fixtures';
import { eventually } from '../support/eventually';
import { notificationSenderFor } from '../support/notification-stack';
import { fixtureDataConverter } from '../support/payload-keys';
import { RecordingSmtpServer } from '../support/recording-smtp-server';
import { createWorkflowHarness, divergentWorkflowBundle, type WorkflowHarness } from '../support/workflow-harness';

/**
 * Records the Temporal histories of representative cases as replay fixtures (`npm run record:histories`).
 * Run it after a deliberate, versioned change to workflow code; the replay test then guards the new behaviour.
 */
const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'histories');

/** Waits for the case to end, then writes its history and its escalation ladders' histories as fixtures named `name`. */
async function saveFixture(harness: WorkflowHarness, name: string, sut: CaseDriver): Promise<void> {
  await sut.handle.result();
  const history = await sut.handle.fetchHistory();
  // The workflow id travels with the history: replay derives child workflow ids from it.
  const fixture = { workflowId: sut.handle.workflowId, history: JSON.parse(historyToJSON(history)) };
  await writeFile(path.join(FIXTURES, `${name}.json`), `${JSON.stringify(fixture)}\n`);
  // The escalation ladders are workflows of their own; their histories are fixtures too.
  for (let n = 1; n <= (await sut.state()).escalationCount; n++) {
    const ladder = harness.env.client.workflow.getHandle(`${sut.handle.workflowId}-esc-${n}`);
    const ladderFixture = { workflowId: ladder.workflowId, history: JSON.parse(historyToJSON(await ladder.fetchHistory())) };
    await writeFile(path.join(FIXTURES, `${name}.ladder-${n}.json`), `${JSON.stringify(ladderFixture)}\n`);
  }
}

describe('recording replay fixtures', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    // Fixtures are encrypted as production encrypts, with a fixed key the replay test holds too.
    harness = await createWorkflowHarness({ dataConverter: fixtureDataConverter() });
    await anExpertPool(harness, Array.from({ length: 6 }, () => ({ homeMunicipalityCode: 'GM0344' })));
  });
  afterAll(() => harness?.close());

  const start = (overrides: Partial<SupportRequest> = {}) => startCaseIn(harness, overrides);

  const save = (name: string, sut: CaseDriver) => saveFixture(harness, name, sut);

  it.each(['SHELTER_SUPPORT', 'CITIZEN_MEETING', 'THREAT_TO_OFFICIAL', 'INCIDENT'] as const)('records a full %s case', async (category) => {
    await harness.withWorker(async () => {
      const sut = await start({ category });
      await sut.accept();
      await sut.acceptOffersUntilTeamAssembled();
      await sut.prepareAndHoldSession();
      await sut.reportAfterEvent(category === 'INCIDENT' ? 'incident' : 'calm');
      await sut.completeFollowUps(category === 'THREAT_TO_OFFICIAL');
      for (const escalation of (await sut.state()).openEscalations) {
        await sut.handle.executeUpdate(acknowledgeEscalation, { args: [{ escalationId: escalation.escalationId, actor: COORDINATOR }] });
      }
      await sut.evaluateAndClose();
      await save(`full-case-${category.toLowerCase().replace(/_/g, '-')}`, sut);
    });
  });

  it('records a declined, an expired and a parallel round, then a cancellation', async () => {
    await harness.withWorker(async () => {
      const sut = await start({
        category: 'THREAT_TO_OFFICIAL',
        indicators: { threatsReceived: true, officeHolderPersonallyTargeted: true, onlineAgitation: true, mediaAttention: 'national', priorIncidents: 0, expectedAttendance: 0 },
      });
      await sut.accept();
      const { openOffers } = await sut.waitFor((s) => s.openOffers.length > 1, 'parallel offers');
      await sut.handle.executeUpdate(respondToOffer, { args: [{ offerId: openOffers[0].offerId, response: 'accept', actor: expert(openOffers[0].expertId) }] });
      await sut.handle.executeUpdate(respondToOffer, { args: [{ offerId: openOffers[1].offerId, response: 'decline', actor: expert(openOffers[1].expertId) }] });
      await harness.env.sleep(OFFER_TIMEOUT_MS.CRITICAL + MINUTE);
      await sut.waitFor((s) => s.openOffers.some((o) => o.round === 2), 'the second round');
      await sut.handle.executeUpdate(cancelCase, { args: [{ reason: 'recorded', actor: COORDINATOR }] });
      await save('matching-rounds-then-cancelled', sut);
    });
  });

  it('records a case whose pool is exhausted and whose team is assigned by hand', async () => {
    await harness.withWorker(async () => {
      const sut = await start({ municipalityCode: 'GM0344', municipality: 'Utrecht', safetyRegion: 'utrecht', category: 'INCIDENT' });
      await sut.accept();
      await sut.waitFor((s) => s.openEscalations.length > 0, 'the failed match');
      // From Amersfoort and without incidents among their categories: passed over by matching, fit to be put on by hand.
      const [expertId] = await anExpertPool(harness, [{ homeMunicipalityCode: 'GM0307', categories: ['CITIZEN_MEETING'] }]);
      await sut.handle.executeUpdate(assignExpert, { args: [{ expertId, actor: COORDINATOR }] });
      await sut.waitFor((s) => s.stage === 'Preparation', 'the team');
      await sut.handle.executeUpdate(cancelCase, { args: [{ reason: 'recorded', actor: COORDINATOR }] });
      await save('manual-assignment-then-cancelled', sut);
    });
  });

  it('records a failed match: a conflict refused, then overridden with a reason, and the escalation resolved by the workflow, then a cancellation', async () => {
    await harness.withWorker(async () => {
      const sut = await start({ municipalityCode: 'GM0344', municipality: 'Utrecht', safetyRegion: 'utrecht', category: 'INCIDENT' });
      await sut.accept();
      await sut.waitFor((s) => s.openEscalations.length > 0, 'the failed match');
      // Like everyone in the pool she lives in Utrecht: refused without an override, assigned with one.
      const [conflicted] = await anExpertPool(harness, [{ homeMunicipalityCode: 'GM0344' }]);
      await expect(sut.handle.executeUpdate(assignExpert, { args: [{ expertId: conflicted, actor: COORDINATOR }] })).rejects.toThrow();
      await sut.handle.executeUpdate(assignExpert, { args: [{ expertId: conflicted, override: { reason: 'recorded override' }, actor: COORDINATOR }] });
      await sut.waitFor((s) => s.stage === 'Preparation' && s.openEscalations.length === 0, 'the team, and the escalation resolved');
      await sut.handle.executeUpdate(cancelCase, { args: [{ reason: 'recorded', actor: COORDINATOR }] });
      await save('manual-assignment-override-resolves-escalation', sut);
    });
  });

  it('records a lead deactivated during preparation: tasks back with the coordinator, a new lead, the session held, then a cancellation', async () => {
    await harness.withWorker(async () => {
      const sut = await start({ category: 'SHELTER_SUPPORT' });
      await sut.accept();
      const assembled = await sut.acceptOffersUntilTeamAssembled();
      const lead = assembled.team.find((member) => member.role === 'lead')!.expertId;
      const support = assembled.team.find((member) => member.role === 'support')!.expertId;
      await sut.waitFor((s) => s.tasks.length > 0, 'the tasks');
      await harness.experts.deactivate(lead);
      await sut.handle.signal(expertDeactivated, { expertId: lead, actor: COORDINATOR });
      const leaderless = await sut.waitFor((s) => s.openEscalations.some((e) => e.subject === 'lead'), 'the request for a new lead');
      await sut.handle.executeUpdate(appointLead, { args: [{ expertId: support, actor: COORDINATOR }] });
      const [first, ...rest] = leaderless.tasks.filter((t) => t.status === 'open' && t.assigneeId === null);
      await sut.handle.executeUpdate(completeTask, { args: [{ taskId: first.taskId, outcome: 'done by the coordinator', actor: COORDINATOR }] });
      for (const task of rest) await sut.handle.executeUpdate(reassignTask, { args: [{ taskId: task.taskId, expertId: support, actor: COORDINATOR }] });
      for (const task of (await sut.state()).tasks.filter((t) => t.status === 'open')) {
        await sut.handle.executeUpdate(completeTask, { args: [{ taskId: task.taskId, outcome: 'done', actor: expert(task.assigneeId!) }] });
      }
      await sut.handle.executeUpdate(holdSession, { args: [{ outcomes: 'agreed with the new lead', actor: expert(support) }] });
      await sut.handle.executeUpdate(cancelCase, { args: [{ reason: 'recorded', actor: COORDINATOR }] });
      await save('lead-deactivated-in-preparation', sut);
    });
  });

  it('records a one-member team whose expert is deactivated in preparation and replaced by hand, then a cancellation', async () => {
    await harness.withWorker(async () => {
      const sut = await start({ category: 'CITIZEN_MEETING' });
      await sut.accept();
      const assembled = await sut.acceptOffersUntilTeamAssembled();
      const [{ expertId: only }] = assembled.team;
      await sut.waitFor((s) => s.tasks.length > 0, 'the tasks');
      await harness.experts.deactivate(only);
      await sut.handle.signal(expertDeactivated, { expertId: only, actor: COORDINATOR });
      const emptied = await sut.waitFor((s) => s.openEscalations.some((e) => e.subject === 'team'), 'the request for a new member');
      const replacement = (await harness.experts.list({ active: 'true', page: 1, pageSize: 1 } as never)).items[0].expertId;
      await sut.handle.executeUpdate(assignExpert, { args: [{ expertId: replacement, actor: COORDINATOR }] });
      for (const task of emptied.tasks.filter((t) => t.status === 'open')) {
        await sut.handle.executeUpdate(reassignTask, { args: [{ taskId: task.taskId, expertId: replacement, actor: COORDINATOR }] });
      }
      await sut.handle.executeUpdate(cancelCase, { args: [{ reason: 'recorded', actor: COORDINATOR }] });
      await save('only-member-deactivated-then-replaced', sut);
    });
  });

  it('records one risk change sent three times at once, recorded and escalated once, then a cancellation', async () => {
    await harness.withWorker(async () => {
      const sut = await start({ category: 'CITIZEN_MEETING' });
      await sut.accept();
      const change = { level: 'CRITICAL' as const, reason: 'recorded three times', actor: COORDINATOR };
      await Promise.all([1, 2, 3].map(() => sut.handle.signal(changeRisk, change)));
      await sut.waitFor((s) => s.riskLevel === 'CRITICAL' && s.openEscalations.some((e) => e.trigger === 'riskRaised'), 'the risk escalation');
      await sut.handle.executeUpdate(cancelCase, { args: [{ reason: 'recorded', actor: COORDINATOR }] });
      await save('risk-change-sent-three-times', sut);
    });
  });

  it('records a concern and a raised risk that announce their escalations, both acknowledged, then a cancellation', async () => {
    await harness.withWorker(async () => {
      const sut = await start({ category: 'CITIZEN_MEETING' });
      await sut.accept();
      const { team } = await sut.acceptOffersUntilTeamAssembled();
      await sut.handle.signal(raiseConcern, { concern: 'the venue has no second exit', actor: expert(team[0].expertId) });
      await sut.handle.signal(changeRisk, { level: 'HIGH', reason: 'threats online', actor: COORDINATOR });
      const escalated = await sut.waitFor((s) => s.openEscalations.length === 2, 'both escalations');
      for (const escalation of escalated.openEscalations) {
        await sut.handle.executeUpdate(acknowledgeEscalation, { args: [{ escalationId: escalation.escalationId, actor: COORDINATOR }] });
      }
      await sut.handle.executeUpdate(cancelCase, { args: [{ reason: 'recorded', actor: COORDINATOR }] });
      await save('facts-announce-their-escalations', sut);
    });
  });

  it('records a rejected case that starts archiving its histories as it ends', async () => {
    await harness.withWorker(async () => {
      const sut = await start({ category: 'CITIZEN_MEETING' });
      await sut.waitFor((s) => s.stage === 'Triage', 'triage');
      await sut.handle.executeUpdate(triage, { args: [{ decision: 'reject', reason: 'outside the mandate', actor: COORDINATOR }] });
      await save('rejected-then-archived', sut);
      await sut.awaitArchive();
    });
  });
});

describe('recording cases that reach people', () => {
  let relay: RecordingSmtpServer;
  afterEach(() => relay?.close());

  /** A harness whose worker sends e-mail through a relay on `port`, trying `attempts` times. */
  async function sendingHarness(port: number, attempts: number): Promise<WorkflowHarness> {
    const env = {
      BRIGADE_MAIL_TRANSPORT: 'smtp', BRIGADE_SMTP_URL: `smtp://127.0.0.1:${port}`, BRIGADE_SMS_TRANSPORT: 'off', BRIGADE_PUBLIC_URL: 'https://brigade.example.nl',
      BRIGADE_NOTIFICATION_ATTEMPTS: String(attempts), BRIGADE_NOTIFICATION_RETRY_INITIAL: '1s', BRIGADE_NOTIFICATION_RETRY_MAX: '1s',
    };
    const harness = await createWorkflowHarness({ dataConverter: fixtureDataConverter(), notificationSender: (db) => notificationSenderFor(db, env) });
    await anExpertPool(harness, [{ homeMunicipalityCode: 'GM0344' }, { homeMunicipalityCode: 'GM0344' }]);
    return harness;
  }

  it('records offers, tasks, the session invitation, its move and the cancellation, each sent and recorded', async () => {
    relay = await RecordingSmtpServer.start();
    const harness = await sendingHarness(relay.port, 5);
    try {
      await harness.withWorker(async () => {
        const sut = await startCaseIn(harness, { category: 'SHELTER_SUPPORT' });
        await sut.accept();
        await sut.acceptOffersUntilTeamAssembled();
        const planned = await sut.waitFor((s) => s.session !== null && s.tasks.length > 0, 'the session and its tasks');
        const movedTo = new Date(Date.parse(planned.session!.scheduledAt) + DAY).toISOString();
        await sut.handle.executeUpdate(scheduleSession, { args: [{ scheduledAt: movedTo, actor: COORDINATOR }] });
        await eventually(async () => ((await sut.eventsOf('NotificationSent')).filter((e) => (e.data as { kind: string }).kind === 'sessionMoved').length === 2 || undefined), 'the moves sent', 60_000);
        await sut.handle.executeUpdate(cancelCase, { args: [{ reason: 'recorded', actor: COORDINATOR }] });
        await saveFixture(harness, 'notifications-sent-then-cancelled', sut);
      });
    } finally {
      await harness.close();
    }
  });

  it('records a message that cannot be sent: the failure and its escalation to the duty coordinator, then a cancellation', async () => {
    const probe = await RecordingSmtpServer.start();
    const port = probe.port;
    await probe.close();
    const harness = await sendingHarness(port, 2);
    try {
      await harness.withWorker(async () => {
        const sut = await startCaseIn(harness, { category: 'CITIZEN_MEETING' });
        await sut.accept();
        await sut.waitFor((s) => s.openEscalations.some((e) => e.trigger === 'notificationFailed') && s.failedNotifications >= 2, 'the failures and their escalation', 60_000);
        await sut.handle.executeUpdate(cancelCase, { args: [{ reason: 'recorded', actor: COORDINATOR }] });
        await saveFixture(harness, 'notification-failed-escalated', sut);
      });
    } finally {
      await harness.close();
    }
  });
});

describe('recording a fixture whose payloads seal the case under its data keys', () => {
  it('records an office holder, a reason, experts by name and a concern, all sealed, then a cancellation; its keys go with the harness', async () => {
    // The keys live in the harness's own key folder, removed when it closes: the fixture is a case whose keys are gone.
    const harness = await createWorkflowHarness({ dataConverter: (keyStore) => fixtureDataConverter(keyStore) });
    try {
      await anExpertPool(harness, Array.from({ length: 3 }, () => ({ homeMunicipalityCode: 'GM0344' })));
      await harness.withWorker(async () => {
        const sut = await startCaseIn(harness, {
          category: 'CITIZEN_MEETING', description: 'Informatieavond over de opvang', officeHolder: { name: 'J. de Wethouder', office: 'wethouder wonen' },
        });
        await sut.handle.executeUpdate(triage, { args: [{ decision: 'accept', reason: 'past in het mandaat', actor: COORDINATOR }] });
        const { team } = await sut.acceptOffersUntilTeamAssembled();
        await sut.handle.signal(raiseConcern, { concern: 'de zaal heeft geen tweede uitgang', actor: expert(team[0].expertId) });
        await sut.waitFor((s) => s.openEscalations.length === 1, 'the concern escalated');
        await sut.handle.executeUpdate(cancelCase, { args: [{ reason: 'de avond gaat niet door', actor: COORDINATOR }] });
        await saveFixture(harness, 'sealed-payloads-then-cancelled', sut);
      });
    } finally {
      await harness.close();
    }
  });
});

describe('recording a history today\'s code cannot replay', () => {
  it('records a case written by code that made one command more (a timer before each plan of a message), up to its team', async () => {
    // Kept apart from the fixtures every replay must pass: `brigade workflow reset-point` is tested on it.
    const harness = await createWorkflowHarness({ dataConverter: fixtureDataConverter() });
    try {
      await anExpertPool(harness, Array.from({ length: 3 }, () => ({ homeMunicipalityCode: 'GM0344' })));
      await harness.withWorker(async () => {
        const sut = await startCaseIn(harness, { category: 'CITIZEN_MEETING' });
        await sut.accept();
        await sut.acceptOffersUntilTeamAssembled();
        await sut.cancel();
        const fixture = { workflowId: sut.handle.workflowId, history: JSON.parse(historyToJSON(await sut.handle.fetchHistory())) };
        await writeFile(path.join(FIXTURES, '..', 'divergent-histories', 'timer-before-each-message-plan.json'), `${JSON.stringify(fixture)}\n`);
      }, divergentWorkflowBundle());
    } finally {
      await harness.close();
    }
  });
});
