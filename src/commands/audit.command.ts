import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { AuditBundle } from '../audit/audit-bundle';
import { InvalidAuditBundleError, readAuditBundle } from '../audit/audit-bundle.reader';
import { verifyAuditBundle } from '../audit/bundle-verifier';
import { auditStore, countStoredCases } from '../audit/store-audit';
import type { BrigadeConfig } from '../config/brigade-config';
import { AesGcmPayloadCodec } from '../crypto/aes-gcm-payload-codec';
import { findPayloadKeys } from '../crypto/payload-keys';
import { PostgresEventStore } from '../event-store/postgres-event-store';
import { backfillArchives } from './archive-backfill';
import { count, printCaseVerification, printStoreAudit } from './audit-report';
import { UsageError, type CliOutput, type Command } from './command';
import { progressReporter } from './progress-reporter';
import { quietTemporalRuntime } from './quiet-temporal-runtime';
import { withDatabase } from './with-database';

/**
 * `brigade audit verify`: checks an exported bundle offline, or every case in the store; exit 1 on any failure.
 * `brigade audit archive`: starts archiving the histories of ended cases that have none archived yet.
 */
export const auditCommand: Command = {
  summary: 'verify an exported case bundle offline (no database, no Temporal; payload keys from BRIGADE_PAYLOAD_KEYS or the data folder), or --all cases in the store; '
    + 'archive: start archiving the workflow histories of ended cases that have none archived yet (a running worker archives them)',
  usage: 'verify <case-<id>.audit.json> | verify --all | archive',
  async run(args, config, output) {
    const target = parseAuditArgs(args);
    if ('archive' in target) return backfillArchives(config, output);
    return 'file' in target ? verifyBundleFile(target.file, config, output) : verifyStore(config, output);
  },
};

async function verifyBundleFile(file: string, config: BrigadeConfig, output: CliOutput): Promise<number> {
  let bundle: AuditBundle;
  try {
    bundle = readAuditBundle(await readFile(file, 'utf8'));
  } catch (error) {
    // A file that cannot be checked is not a failed check: exit 2, like any other input the command cannot use.
    const reason = error instanceof InvalidAuditBundleError ? `is not an audit bundle: ${error.message}` : `cannot be read: ${(error as Error).message}`;
    output.err(`brigade audit: ${file} ${reason}`);
    return 2;
  }
  quietTemporalRuntime();
  // The histories are encrypted as Temporal stored them: reading them takes the keys they were written with.
  const verification = await verifyAuditBundle(bundle, new AesGcmPayloadCodec(findPayloadKeys(config)));
  const contents = `${count(bundle.events.length, 'event')}, ${count(bundle.workflowHistories.length, 'workflow history', 'workflow histories')}`;
  printCaseVerification(output, verification, `case ${bundle.caseId}, exported ${bundle.exportedAt} (${contents})`);
  return verification.valid ? 0 : 1;
}

async function verifyStore(config: BrigadeConfig, output: CliOutput): Promise<number> {
  return withDatabase(config, async (dataSource) => {
    const started = performance.now();
    const total = await countStoredCases(dataSource);
    const progress = progressReporter(output, total, 'cases');
    const summary = await auditStore({ dataSource, eventStore: new PostgresEventStore(dataSource) }, (cases, events) => progress.update(cases, { events }))
      .finally(() => progress.stop());
    printStoreAudit(output, summary, (performance.now() - started) / 1000);
    return summary.failures.length === 0 ? 0 : 1;
  });
}

function parseAuditArgs(args: readonly string[]): { readonly file: string } | { readonly all: true } | { readonly archive: true } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { all: { type: 'boolean' } }, strict: true, allowPositionals: true });
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
  if (parsed.values.all) return { all: true };
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'give the bundle file to verify, or --all' : 'give one bundle file at a time');
  return { file: files[0] };
}
