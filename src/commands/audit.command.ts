import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { AuditBundle } from '../audit/audit-bundle';
import { InvalidAuditBundleError, readAuditBundle } from '../audit/audit-bundle.reader';
import { verifyAuditBundle } from '../audit/bundle-verifier';
import { checkNewerCheckpoint, readNewerCheckpoint, type NewerCheckpoint } from '../audit/newer-checkpoint-check';
import { postgresStoreRecords } from '../audit/postgres-store-scan';
import { AuditWorkers } from '../audit/audit-workers';
import { auditStore, checksInThread } from '../audit/store-audit';
import { checksInWorkers } from '../audit/worker-batch-checks';
import { findTrustedLogKey, type TrustedLogKey } from '../checkpoints/log-verifier-key';
import type { BrigadeConfig } from '../config/brigade-config';
import { AesGcmPayloadCodec } from '../crypto/aes-gcm-payload-codec';
import { findPayloadKeys } from '../crypto/payload-keys';
import { parseVerifierKey } from '../transparency-log/note-keys';
import { backfillArchives } from './archive-backfill';
import { count, printCaseVerification, printStoreAudit } from './audit-report';
import { UsageError, type CliOutput, type Command } from './command';
import { progressReporter, type ProgressReporter } from './progress-reporter';
import { quietTemporalRuntime } from './quiet-temporal-runtime';
import { withDatabase } from './with-database';

/**
 * `brigade audit verify`: checks an exported bundle offline, or every case in the store; exit 1 on any failure.
 * `brigade audit archive`: starts archiving the histories of ended cases that have none archived yet.
 */
export const auditCommand: Command = {
  summary: 'verify an exported case bundle offline (no database, no Temporal; payload keys from BRIGADE_PAYLOAD_KEYS or the data folder), or --all cases in the store with the transparency log and its checkpoints; '
    + 'archive: start archiving the workflow histories of ended cases that have none archived yet (a running worker archives them)',
  usage: 'verify <case-<id>.audit.json> [--key <log public key file>] [--checkpoint <newer checkpoint file>] | verify --all | archive',
  async run(args, config, output) {
    const target = parseAuditArgs(args);
    if ('archive' in target) return backfillArchives(config, output);
    return 'file' in target ? verifyBundleFile(target, config, output) : verifyStore(config, output);
  },
};

interface BundleTarget {
  readonly file: string;
  readonly keyFile?: string;
  readonly checkpointFile?: string;
}

async function verifyBundleFile({ file, keyFile, checkpointFile }: BundleTarget, config: BrigadeConfig, output: CliOutput): Promise<number> {
  let bundle: AuditBundle;
  let trustedKey: TrustedLogKey | null;
  let newer: NewerCheckpoint | undefined;
  try {
    bundle = readAuditBundle(await readFile(file, 'utf8'));
  } catch (error) {
    // A file that cannot be checked is not a failed check: exit 2, like any other input the command cannot use.
    const reason = error instanceof InvalidAuditBundleError ? `is not an audit bundle: ${error.message}` : `cannot be read: ${(error as Error).message}`;
    output.err(`brigade audit: ${file} ${reason}`);
    return 2;
  }
  try {
    const origin = bundle.log?.origin ?? config.transparencyLog.origin;
    trustedKey = findTrustedLogKey(config, origin, keyFile === undefined ? undefined : { path: keyFile, text: await readFile(keyFile, 'utf8') });
    newer = checkpointFile === undefined ? undefined : readNewerCheckpoint(await readFile(checkpointFile, 'utf8'));
  } catch (error) {
    output.err(`brigade audit: ${(error as Error).message}`);
    return 2;
  }
  quietTemporalRuntime();
  // The histories are encrypted as Temporal stored them: reading them takes the keys they were written with.
  const verification = await verifyAuditBundle(bundle, new AesGcmPayloadCodec(findPayloadKeys(config)), trustedKey?.verifierKey ?? null);
  const contents = `${count(bundle.events.length, 'event')}, ${count(bundle.workflowHistories.length, 'workflow history', 'workflow histories')}`;
  const consistency = newer && checkNewerCheckpoint(bundle, newer, trustedKey?.verifierKey ?? null);
  printCaseVerification(output, verification, `case ${bundle.caseId}, exported ${bundle.exportedAt} (${contents}); log key from ${trustedKey?.source ?? 'nowhere'}`, consistency);
  return verification.valid && (consistency === undefined || consistency.status === 'passed') ? 0 : 1;
}

async function verifyStore(config: BrigadeConfig, output: CliOutput): Promise<number> {
  return withDatabase(config, async (dataSource) => {
    const started = performance.now();
    const trusted = findTrustedLogKey(config, config.transparencyLog.origin);
    if (!trusted) {
      output.err('brigade audit: no public key of the transparency log to check its checkpoints with: set BRIGADE_LOG_PUBLIC_KEY, or run where the data folder holds the signing key');
      return 2;
    }
    const logKey = parseVerifierKey(trusted.verifierKey);
    // The audit counts the cases as it plans its reads; the progress shows from then on.
    let progress: ProgressReporter | undefined;
    // Each worker thread reads its ranges over connections of its own, to the database this command reads.
    const workers = new AuditWorkers({ databaseUrl: (dataSource.options as { url?: string }).url });
    const store = postgresStoreRecords(dataSource);
    const summary = await auditStore(store, logKey, (cases, events, total) => {
      progress ??= progressReporter(output, total, 'cases');
      progress.update(cases, { events });
    }, workers.available ? checksInWorkers(workers) : checksInThread(store)).finally(() => {
      progress?.stop();
      return workers.close();
    });
    printStoreAudit(output, summary, (performance.now() - started) / 1000);
    return summary.failures.length === 0 && summary.log.findings.length === 0 ? 0 : 1;
  });
}

function parseAuditArgs(args: readonly string[]): BundleTarget | { readonly all: true } | { readonly archive: true } {
  let parsed;
  try {
    const options = { all: { type: 'boolean' }, key: { type: 'string' }, checkpoint: { type: 'string' } } as const;
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [subcommand, ...files] = parsed.positionals;
  if (subcommand === 'archive') {
    if (files.length > 0 || parsed.values.all) throw new UsageError('archive takes no arguments');
    return { archive: true };
  }
  if (subcommand !== 'verify') throw new UsageError(subcommand ? `unknown audit command "${subcommand}"` : 'say what to do: verify or archive');
  if (parsed.values.all && files.length > 0) throw new UsageError('give either a bundle file or --all, not both');
  if (parsed.values.all && (parsed.values.key !== undefined || parsed.values.checkpoint !== undefined)) {
    throw new UsageError('--key and --checkpoint go with a bundle file; --all checks the store with the configured key');
  }
  if (parsed.values.all) return { all: true };
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'give the bundle file to verify, or --all' : 'give one bundle file at a time');
  return { file: files[0], keyFile: parsed.values.key, checkpointFile: parsed.values.checkpoint };
}
