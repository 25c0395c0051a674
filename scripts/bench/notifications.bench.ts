import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { ExpertMessageSealer } from '../../src/field-encryption/expert-message-sealer';
import { dataKeyStoreFor } from '../../src/key-store/data-key-store.factory';
import type { BenchContext } from './bench-context';
import { registrationBody } from './bench-cases';
import { expectStatus, sendJson, type HttpAnswer } from './bench-http';
import { compare, type BenchOutcome } from './bench-results';
import type { BenchSizes } from './bench-settings';
import { alternate, pause, runConcurrently, type TimedRun } from './concurrency';
import { ensureExpertPool } from './expert-pool';
import { historyTimings } from './history-timings';
import { settleAll } from './settle-all';
import { waitForStages } from './settled-cases';
import { summarise } from './stats';

const LOOK_AGAIN_MS = 250;
const DELIVERY_TIMEOUT_MS = 300_000;
const TRIAGE_TIMEOUT_MS = 180_000;
const TRIAGE_LOOK_MS = 30_000;

// An offer's `offerMade` e-mail: the NotificationSent the workflow recorded for it, joined to the message the embedded
// server kept under that Message-ID. Every time is PostgreSQL's `now()`: the event's is its append transaction's (the
// claim of the idempotency key), the mailbox's its INSERT's, which the server makes before it answers 250.
const OFFER_MESSAGES = `
  case_events o
  LEFT JOIN case_events s ON s.case_id = o.case_id AND s.type = 'NotificationSent' AND s.data ->> 'kind' = 'offerMade'
        AND s.data ->> 'channel' = 'email' AND s.data -> 'recipient' ->> 'id' = o.data ->> 'expertId'
  LEFT JOIN embedded_mailbox m ON m.message_id = s.data ->> 'reference'`;
const OF_THE_CASES = `o.type = 'ExpertOffered' AND o.case_id = ANY($1::uuid[])`;

/** One offer's e-mail on its way, each step on the database's clock, in milliseconds after the offer was recorded. */
interface OfferMessage {
  readonly caseId: string;
  readonly transport: string;
  /** The ledger's delivery row: the workflow saw the event, planned the message (an activity), and the send activity rendered it. */
  readonly openedMs: number;
  /** The first attempt noted, just before the SMTP channel was called. */
  readonly attemptMs: number;
  /** The embedded server kept the message: the latency measured. */
  readonly receivedMs: number;
  /** The workflow recorded NotificationSent, after the send activity returned. */
  readonly sentRecordedMs: number;
  readonly failedAttempts: number;
  readonly offeredAtS: number;
  readonly receivedAtS: number;
}

/** What the baseline sends: one of Brigade's own offer e-mails, as the ledger rendered it. */
interface SampleMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly language: string;
}

/**
 * Notifications: with N cases in flight at once (registered together through the API, then all accepted in triage
 * together, so that each records an `ExpertOffered`), the p95 from each offer's event to its `offerMade` e-mail kept by
 * the embedded SMTP server, both ends on the database's clock; against the same number of the same e-mail sent at once
 * straight to the same server with a bare nodemailer transport, from the send call to the server's 250.
 */
export async function benchNotifications(ctx: BenchContext, sizes: BenchSizes): Promise<BenchOutcome & {
  latenciesMs: object; stepsMs: object; temporalMs: object; offersSpreadMs: number[]; failedAttempts: number; triageAnswered503: number;
}> {
  await ensureExpertPool(ctx);
  const cases = sizes.notificationCases;
  let n = 0;
  // A first offer warms the path (and the worker's first connection to its own server); its message is the baseline's.
  const unanswered = { count: 0 };
  const warm = await offerRound(ctx, 1, () => n++, unanswered);
  const sample = await sampleMessage(ctx, warm.caseIds[0]);
  await sendBare(ctx, sample, 1);

  const messages: OfferMessage[] = [];
  const measuredCases: string[] = [];
  const offersSpreadMs: number[] = [];
  const rounds = 2;
  const { brigade, baseline } = await alternate(rounds,
    async () => {
      const { caseIds, messages: round } = await offerRound(ctx, cases, () => n++, unanswered);
      measuredCases.push(...caseIds);
      messages.push(...round);
      const firstOfferS = Math.min(...round.map((m) => m.offeredAtS));
      offersSpreadMs.push((Math.max(...round.map((m) => m.offeredAtS)) - firstOfferS) * 1000);
      // The worker's throughput window: from the round's first offer recorded to its last message kept.
      const elapsedMs = (Math.max(...round.map((m) => m.receivedAtS)) - firstOfferS) * 1000;
      return { latenciesMs: round.map((m) => m.receivedMs), elapsedMs };
    },
    () => sendBare(ctx, sample, cases));

  const brigadeLatency = summarise(brigade.latenciesMs);
  const baselineLatency = summarise(baseline.latenciesMs);
  const perSecond = (run: TimedRun) => (run.latenciesMs.length / run.elapsedMs) * 1000;
  const bare = `the same e-mail, ${cases} at once by a bare nodemailer transport to the same embedded server, send call to 250`;
  const failedAttempts = messages.reduce((sum, m) => sum + m.failedAttempts, 0);
  const stepSummary = (step: (m: OfferMessage) => number) => summarise(messages.map(step));
  const temporalMs = await historyTimings(ctx.brigadeClient, measuredCases.map((caseId) => `case-${caseId}`));
  return {
    comparisons: [
      compare('notifications', `notification p95, ${cases} cases in flight`, 'ms', 'lower', brigadeLatency.p95, baselineLatency.p95, bare),
      compare('notifications', `notification p50, ${cases} cases in flight`, 'ms', 'lower', brigadeLatency.p50, baselineLatency.p50, bare),
    ],
    measurements: [
      { benchmark: 'notifications', metric: 'slowest notification (event to SMTP server)', unit: 'ms', value: brigadeLatency.max,
        note: `of ${brigadeLatency.count} offerMade e-mails in ${rounds} rounds of ${cases}; ${failedAttempts} attempts failed and were retried` },
      { benchmark: 'notifications', metric: 'e-mails the worker got out per second', unit: 'msgs/s', value: perSecond(brigade),
        note: `first offer recorded to last message kept, ${cases} cases in flight; the bare transport: ${perSecond(baseline).toFixed(0)} msgs/s` },
    ],
    latenciesMs: { brigade: brigadeLatency, baseline: baselineLatency },
    // Where an offer's e-mail spends its time, each step's span on the database's clock.
    stepsMs: {
      eventToLedger: stepSummary((m) => m.openedMs),
      ledgerToAttempt: stepSummary((m) => m.attemptMs - m.openedMs),
      attemptToKept: stepSummary((m) => m.receivedMs - m.attemptMs),
      keptToNotificationSent: stepSummary((m) => m.sentRecordedMs - m.receivedMs),
    },
    // The same cases' workflow histories: how long their workflow tasks and activities waited for the worker and ran.
    temporalMs,
    // How far apart each round's offers were recorded: the cases' triage and matching spread the load over this span.
    offersSpreadMs,
    failedAttempts,
    triageAnswered503: unanswered.count,
  };
}

/**
 * Registers `count` cases at once, accepts them all in triage at once, and answers with each offer's e-mail once all were
 * kept; `unanswered` counts the triage decisions the API answered 503 to (its Temporal deadline passed) before they took.
 */
async function offerRound(ctx: BenchContext, count: number, next: () => number, unanswered: { count: number })
  : Promise<{ caseIds: string[]; messages: OfferMessage[] }> {
  const coordinator = ctx.bearer('coordinator', 'c.bench');
  const caseIds = await Promise.all(Array.from({ length: count }, async () => {
    const registered = await registerOnce(ctx, coordinator, registrationBody(next(), 'CITIZEN_MEETING'));
    return registered.body.caseId as string;
  }));
  try {
    await waitForStages(ctx.pool, caseIds, ['Triage']);
    await Promise.all(caseIds.map((caseId) => acceptInTriage(ctx, coordinator, caseId, unanswered)));
    return { caseIds, messages: await offerMessages(ctx, caseIds) };
  } finally {
    // The cases would otherwise wait on their offers for the rest of the run, in the worker's cache.
    await settleAll(caseIds, 8, (caseId) => ctx.brigadeClient.workflow.getHandle(`case-${caseId}`).terminate('bench finished'));
  }
}

// With a hundred requests at once a connection may fail; the same Idempotency-Key makes the retry find the case it registered.
async function registerOnce(ctx: BenchContext, coordinator: string, body: object): Promise<HttpAnswer> {
  const headers = { 'Idempotency-Key': `bench-notifications-${randomUUID()}` };
  for (let attempt = 1; ; attempt++) {
    try {
      return await expectStatus([200, 201], ctx.apiUrl, 'POST', '/cases', coordinator, body, headers);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof TypeError || (error instanceof Error && error.name === 'TimeoutError'))) throw error;
    }
  }
}

// A hundred decisions at once can outlast the API's deadline for a Temporal call (503, temporal_timeout). As that refusal
// asks, the case is looked at first, since the decision sent may still take effect; it is sent again only if the case is
// still in triage a while later (a second decision while the first is being taken is refused with 409 and looked at too).
async function acceptInTriage(ctx: BenchContext, coordinator: string, caseId: string, unanswered: { count: number }): Promise<void> {
  const deadline = Date.now() + TRIAGE_TIMEOUT_MS;
  for (;;) {
    const answer = await sendJson(ctx.apiUrl, 'POST', `/cases/${caseId}/triage`, coordinator, { decision: 'accept' });
    if (answer.status === 200) return;
    if (answer.status !== 503 && answer.status !== 409) {
      throw new Error(`POST /cases/${caseId}/triage answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
    }
    if (answer.status === 503) unanswered.count++;
    const lookUntil = Math.min(deadline, Date.now() + TRIAGE_LOOK_MS);
    while (Date.now() < lookUntil) {
      const { rows: [row] } = await ctx.pool.query('SELECT stage FROM cases WHERE case_id = $1', [caseId]);
      if (row.stage !== 'Triage') return;
      await pause(LOOK_AGAIN_MS);
    }
    if (Date.now() >= deadline) throw new Error(`case ${caseId} was still in triage ${TRIAGE_TIMEOUT_MS} ms after it was first accepted`);
  }
}

/** Waits until every case has an offer and every offer its e-mail kept, failing on a NotificationFailed; then reads the times. */
async function offerMessages(ctx: BenchContext, caseIds: readonly string[]): Promise<OfferMessage[]> {
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
  for (;;) {
    const { rows: [progress] } = await ctx.pool.query(
      `SELECT count(DISTINCT o.case_id)::int AS offered, count(*)::int AS offers, count(m.message_id)::int AS kept,
              (SELECT count(*)::int FROM case_events f WHERE f.case_id = ANY($1::uuid[]) AND f.type = 'NotificationFailed') AS failed
       FROM ${OFFER_MESSAGES} WHERE ${OF_THE_CASES}`, [caseIds]);
    if (progress.failed > 0) throw new Error(`${progress.failed} notifications of the bench's cases failed`);
    if (progress.offered === caseIds.length && progress.kept === progress.offers) break;
    if (Date.now() > deadline) {
      throw new Error(`after ${DELIVERY_TIMEOUT_MS} ms ${progress.offered} of ${caseIds.length} cases had an offer, ${progress.kept} of ${progress.offers} offers an e-mail kept`);
    }
    await pause(LOOK_AGAIN_MS);
  }
  const ms = (later: string, earlier: string) => `(extract(epoch FROM ${later} - ${earlier}) * 1000)::float8`;
  const { rows } = await ctx.pool.query(
    `SELECT o.case_id, s.data ->> 'transport' AS transport,
            ${ms('d.created_at', 'o.recorded_at')} AS opened_ms, ${ms('a.started_at', 'o.recorded_at')} AS attempt_ms,
            ${ms('m.received_at', 'o.recorded_at')} AS received_ms, ${ms('s.recorded_at', 'o.recorded_at')} AS sent_recorded_ms,
            a.failed AS failed_attempts, extract(epoch FROM o.recorded_at)::float8 AS offered_at_s, extract(epoch FROM m.received_at)::float8 AS received_at_s
       FROM ${OFFER_MESSAGES}
       LEFT JOIN notification_deliveries d ON d.case_id = o.case_id AND d.notification_id = s.data ->> 'notificationId' AND d.channel = 'email'
       LEFT JOIN LATERAL (
         SELECT min(started_at) AS started_at, (count(*) FILTER (WHERE error_code IS NOT NULL))::int AS failed
         FROM notification_attempts WHERE delivery_key = d.delivery_key
       ) a ON true
       WHERE ${OF_THE_CASES}`, [caseIds]);
  const messages = rows.map((row): OfferMessage => ({
    caseId: row.case_id, transport: row.transport, openedMs: row.opened_ms, attemptMs: row.attempt_ms, receivedMs: row.received_ms,
    sentRecordedMs: row.sent_recorded_ms, failedAttempts: row.failed_attempts, offeredAtS: row.offered_at_s, receivedAtS: row.received_at_s,
  }));
  const elsewhere = messages.filter((m) => m.transport !== 'embedded');
  if (elsewhere.length > 0) throw new Error(`${elsewhere.length} offer e-mails went by ${elsewhere[0].transport}, not the embedded server`);
  return messages;
}

async function sampleMessage(ctx: BenchContext, caseId: string): Promise<SampleMessage> {
  const { rows: [row] } = await ctx.pool.query(
    `SELECT delivery_key, recipient_address, subject, body, language FROM notification_deliveries
      WHERE case_id = $1 AND kind = 'offerMade' AND channel = 'email'`, [caseId]);
  if (!row) throw new Error(`case ${caseId} has no offerMade e-mail in the ledger`);
  // The ledger keeps an expert's address and greeting sealed under the expert's key; the baseline sends them opened.
  const sealer = new ExpertMessageSealer(dataKeyStoreFor(ctx.config.keyStore));
  const opened = await sealer.open(caseId, row.delivery_key, { recipient_address: row.recipient_address, body: row.body });
  return { to: opened.recipient_address ?? '', subject: row.subject ?? '', text: opened.body ?? '', language: row.language };
}

/** Sends `count` copies of the sample at once, each on a connection of its own as Brigade's channel does, timing each to its 250. */
async function sendBare(ctx: BenchContext, sample: SampleMessage, count: number): Promise<TimedRun> {
  const transport = createTransport({ host: ctx.embeddedSmtp.host, port: ctx.embeddedSmtp.port, secure: false, ignoreTLS: true });
  try {
    return await runConcurrently(count, count, async () => {
      await transport.sendMail({
        from: ctx.config.notifications.mailFrom, to: sample.to, subject: sample.subject, text: sample.text,
        messageId: `<bench-${randomUUID()}@brigade.local>`, headers: { 'Content-Language': sample.language },
      });
    });
  } finally {
    transport.close();
  }
}
