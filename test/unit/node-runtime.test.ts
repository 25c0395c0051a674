import { spawnSync } from 'node:child_process';
import { ENGINES_NODE, PINNED_NODE_VERSION } from '../support/pinned-node';

describe('the Node.js Brigade runs on', () => {
  it('is pinned to one exact release, which engines accepts', () => {
    expect(PINNED_NODE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    // `^x.y.z`: that release or a later one of the same major line, never an older line.
    expect(ENGINES_NODE).toBe(`^${PINNED_NODE_VERSION}`);
  });

  it('runs these tests: npm test puts the pinned node first on PATH, whatever node the machine has', () => {
    expect(process.version).toBe(`v${PINNED_NODE_VERSION}`);
  });

  it('is a release of an LTS line, as the binary itself says', () => {
    // process.release.lts is the line's codename on LTS releases and absent on Current ones.
    expect(typeof process.release.lts).toBe('string');
  });

  it('is also the node that a child started by name gets, as npm scripts and #!/usr/bin/env node scripts are', () => {
    const sut = spawnSync('node', ['-p', 'process.version'], { encoding: 'utf8' });
    expect(sut.stdout.trim()).toBe(`v${PINNED_NODE_VERSION}`);
  });
});
