import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Payload } from '@temporalio/common';
import type { History } from '@temporalio/common/lib/proto-utils';
import { AesGcmPayloadCodec } from '../crypto/aes-gcm-payload-codec';
import { ENCRYPTED_FAILURE_CONVERTER_PATH, brigadeDataConverter } from '../crypto/brigade-data-converter';
import { payloadKeyIdsIn } from '../crypto/payload-key-ids';
import { CasePayloadCodec } from '../field-encryption/case-payload-codec';
import { missingPayloadKeyMessage, payloadKeysLacking } from './missing-payload-key';

/** Where a replayed history was read: Temporal's own copy, or the copy Brigade archived when the workflow closed. */
export type HistorySource = 'temporal' | 'archive';

/** One workflow's recorded Temporal history; `history` is the proto or its JSON form, as `historyToJSON` writes it. */
export interface RecordedWorkflowHistory {
  readonly workflowId: string;
  readonly history: History | unknown;
  /** Where the history was read, when that is known. */
  readonly source?: HistorySource;
}

/** How replaying a history with today's workflow code went; `unavailable` means there was nothing to replay. */
export type ReplayStatus = 'passed' | 'diverged' | 'unavailable';

/** The replay of one workflow: its status, and for a divergence or a missing history, what and why. */
export interface WorkflowReplay {
  readonly workflowId: string;
  readonly status: ReplayStatus;
  readonly errorType: string | null;
  readonly message: string | null;
  /** Where the replayed history was read; null when there was none to read. */
  readonly source: HistorySource | null;
}

/** The replay of a case's workflows: diverged if any diverged, unavailable if any could not be replayed, else passed. */
export interface ReplayReport {
  readonly status: ReplayStatus;
  readonly workflows: readonly WorkflowReplay[];
  /** The first workflow that diverged, when one did. */
  readonly firstDivergence: WorkflowReplay | null;
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Today's workflow code, bundled once per process: bundling takes seconds, replaying a history milliseconds. */
export function todaysWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  // The same entry point the worker runs (see CaseWorkerService), so replay judges the code that is deployed.
  bundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'), failureConverterPath: ENCRYPTED_FAILURE_CONVERTER_PATH, logger: quietBundlerLogger(),
  })
    .catch((error: unknown) => {
      // A failed build is not kept: the next verification tries again.
      bundle = undefined;
      throw error;
    });
  return bundle;
}

/** Reads a case's sealed payload fields as redacted, without asking any key store. */
const SEALED_FIELDS_CLOSED = new CasePayloadCodec(null);

/** A codec without keys: reads plain payloads and finds every encrypted one unreadable. */
export const NO_KEYS = new AesGcmPayloadCodec({ activeKeyId: undefined, keys: [], source: 'no payload keys' });

/**
 * Replays each history with today's workflow code and reports, per workflow, whether it made the same decisions.
 * Encrypted histories are read through `codec`; one that needs a key the codec lacks is unavailable, naming the key.
 */
export async function replayHistories(
  histories: readonly RecordedWorkflowHistory[], missing: readonly WorkflowReplay[] = [], codec: AesGcmPayloadCodec = NO_KEYS,
): Promise<ReplayReport> {
  const replayed: WorkflowReplay[] = [];
  const lacking = histories.map((recorded) => withoutKey(recorded, codec)).filter((replay): replay is WorkflowReplay => replay !== null);
  const readable = histories.filter(({ workflowId }) => !lacking.some((replay) => replay.workflowId === workflowId));
  if (readable.length > 0) {
    const workflowBundle = await todaysWorkflowBundle();
    // Replay sends nothing to Temporal, so what the workflow would send is not encrypted: a reader needs no active key.
    // The workflow decides on no sensitive field, so they stay closed: a case whose data keys were destroyed replays alike.
    const readOnly = { encode: async (payloads: Payload[]) => payloads, decode: async (payloads: Payload[]) => SEALED_FIELDS_CLOSED.decode(await codec.decode(payloads)) };
    const options = { workflowBundle, dataConverter: brigadeDataConverter(readOnly) };
    for await (const result of Worker.runReplayHistories(options, readable.map(({ workflowId, history }) => ({ workflowId, history })))) {
      const source = sourceOf(histories, result.workflowId);
      replayed.push(result.error
        ? { workflowId: result.workflowId, status: 'diverged', errorType: result.error.name, message: explanationOf(result.error), source }
        : { workflowId: result.workflowId, status: 'passed', errorType: null, message: null, source });
    }
  }
  return replayReport([...replayed, ...lacking, ...missing]);
}

// A history the reader cannot decrypt is not a divergence: the code may be fine, the reader lacks a key.
function withoutKey({ workflowId, history, source }: RecordedWorkflowHistory, codec: AesGcmPayloadCodec): WorkflowReplay | null {
  const lacking = payloadKeysLacking(payloadKeyIdsIn(history), codec);
  if (lacking.length === 0) return null;
  return {
    workflowId, status: 'unavailable', errorType: 'MissingPayloadKey', source: source ?? null,
    message: missingPayloadKeyMessage('the history', lacking, codec),
  };
}

function sourceOf(histories: readonly RecordedWorkflowHistory[], workflowId: string): HistorySource | null {
  return histories.find((recorded) => recorded.workflowId === workflowId)?.source ?? null;
}

/** Summarises per-workflow replays; a case with no workflow to replay is `unavailable`, never `passed`. */
export function replayReport(workflows: readonly WorkflowReplay[]): ReplayReport {
  const firstDivergence = workflows.find((workflow) => workflow.status === 'diverged') ?? null;
  const status: ReplayStatus = firstDivergence ? 'diverged'
    : workflows.length === 0 || workflows.some((workflow) => workflow.status === 'unavailable') ? 'unavailable'
      : 'passed';
  return { status, workflows, firstDivergence };
}

// The SDK wraps core's explanation of a divergence in a debug dump of the failed activation; the explanation is what
// an auditor needs, and the full text is kept when it does not have that shape.
function explanationOf(error: Error): string {
  const explanation = /message: "((?:[^"\\]|\\.)*)"/.exec(error.message)?.[1];
  return explanation ? explanation.replace(/\\"/g, '"') : error.message;
}

function quietBundlerLogger() {
  const ignore = () => undefined;
  return { trace: ignore, debug: ignore, info: ignore, warn: ignore, log: ignore, error: (message: string) => console.error(message) };
}
