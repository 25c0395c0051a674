import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/**
 * Runs the project's dependency rules over a tree of probe files laid out like Brigade's folders, and answers with the
 * names of the rules that failed (none when the tree is clean).
 */
function violationsOf(files: Record<string, string>): string[] {
  const tree = mkdtempSync(path.join(tmpdir(), 'brigade-layers-'));
  try {
    writeFileSync(path.join(tree, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', target: 'es2022', strict: true } }));
    symlinkSync(path.join(root, 'node_modules'), path.join(tree, 'node_modules'), 'dir');
    for (const [file, code] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
      writeFileSync(path.join(tree, file), code);
    }
    const result = spawnSync(process.execPath, [
      path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'),
      ...['src', 'workflows', 'activities'].filter((folder) => existsSync(path.join(tree, folder))), '--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'json',
    ], { cwd: tree, encoding: 'utf8' });
    if (!result.stdout) throw new Error(`dependency-cruiser did not answer: ${result.stderr}`);
    const report = JSON.parse(result.stdout) as { summary: { violations: Array<{ rule: { name: string } }> } };
    return [...new Set(report.summary.violations.map((violation) => violation.rule.name))].sort();
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}

/** A probe module that imports each of `imports` and exports something, so no import is dropped as unused. */
const probe = (imports: string[] = []) => `${imports.map((from, i) => `import * as m${i} from '${from}';\nexport const u${i} = m${i};\n`).join('')}export const here = 1;\n`;

describe('the folder layers that npm test checks', () => {
  it('passes a tree whose arrows point down: bootstrap, feature, adapter, domain', () => {
    expect(violationsOf({
      'src/main.ts': probe(['./bootstrap/app']),
      'src/bootstrap/app.ts': probe(['../cases/cases.service']),
      'src/cases/cases.service.ts': probe(['../event-store/event-store.port', '../domain/case.state']),
      'src/event-store/event-store.port.ts': probe(['../domain/case.state']),
      'src/domain/case.state.ts': probe(),
      'workflows/support-case.workflow.ts': probe(['../src/domain/case.state']),
      'activities/index.ts': probe(['../src/event-store/event-store.port']),
    })).toEqual([]);
  });

  it('fails two features that import each other', () => {
    expect(violationsOf({
      'src/cases/cases.service.ts': probe(['../audit/audit.service']),
      'src/audit/audit.service.ts': probe(['../cases/case-list']),
      'src/cases/case-list.ts': probe(),
    })).toContain('no-folder-cycle');
  });

  it('fails a module cycle inside one folder', () => {
    expect(violationsOf({
      'src/cases/a.ts': probe(['./b']),
      'src/cases/b.ts': probe(['./a']),
    })).toContain('no-module-cycle');
  });

  it('fails an adapter that imports a feature', () => {
    expect(violationsOf({
      'src/event-store/postgres-event-store.ts': probe(['../metrics/event-append.metrics']),
      'src/metrics/event-append.metrics.ts': probe(),
    })).toContain('adapters-below-features');
  });

  it('fails the domain importing anything of Brigade outside itself', () => {
    expect(violationsOf({
      'src/domain/case.state.ts': probe(['../config/brigade-config']),
      'src/config/brigade-config.ts': probe(),
    })).toContain('domain-at-the-bottom');
  });

  it('fails a feature or adapter that imports the bootstrap layer', () => {
    expect(violationsOf({
      'src/http/error-body.ts': probe(['../bootstrap/free-port']),
      'src/bootstrap/free-port.ts': probe(),
    })).toContain('bootstrap-on-top');
  });

  it('fails a feature that talks to PostgreSQL itself, and allows a named repository', () => {
    expect(violationsOf({ 'src/cases/case-list.ts': probe(['typeorm']) })).toContain('database-only-in-adapters');
    expect(violationsOf({ 'src/experts/expert.repository.ts': probe(['typeorm']) })).toEqual([]);
  });

  it('fails workflow code that imports a Node built-in or an activity implementation', () => {
    expect(violationsOf({
      'workflows/support-case.workflow.ts': probe(['node:fs', '../activities/event.activities']),
      'activities/event.activities.ts': probe(),
    })).toEqual(expect.arrayContaining(['workflows-deterministic']));
  });

  it('fails a new folder that no layer names', () => {
    expect(violationsOf({
      'src/newsletter/newsletter.service.ts': probe(['../domain/case.state']),
      'src/domain/case.state.ts': probe(),
    })).toContain('every-folder-has-a-layer');
  });
});
