import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/** Lints a snippet as if it lived at `file`, and returns the rule ids ESLint reported. */
function lint(file: string, code: string): string[] {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', file],
    { cwd: root, input: code, encoding: 'utf8' });
  const [report] = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return report.messages.map((m) => m.ruleId ?? m.message);
}

describe('the lint boundary around workflow code', () => {
  it.each([
    ['a Node built-in', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['NestJS', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n"],
    ['TypeORM', "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n"],
    ['pg', "import { Client } from 'pg';\nexport const x = Client;\n"],
    ['a NestJS service from src', "import { CasesService } from '../src/cases/cases.service';\nexport const x = CasesService;\n"],
    ['an activity implementation', "import { createCaseActivities } from '../activities';\nexport const x = createCaseActivities;\n"],
  ])('refuses %s in workflows/', (_name, code) => {
    expect(lint('workflows/probe.workflow.ts', code)).toContain('no-restricted-imports');
  });

  it('refuses Math.random and setTimeout in workflows/', () => {
    const rules = lint('workflows/probe.workflow.ts', 'export const r = Math.random();\nsetTimeout(() => r, 1);\n');
    expect(rules).toEqual(expect.arrayContaining(['no-restricted-properties', 'no-restricted-globals']));
  });

  it('allows the workflow SDK, the domain and activity types', () => {
    const code = [
      "import { proxyActivities } from '@temporalio/workflow';",
      "import type { CaseActivities } from '../activities';",
      "import { evolve } from '../src/domain/case.state';",
      'export const x = [proxyActivities<CaseActivities>, evolve];',
      '',
    ].join('\n');
    expect(lint('workflows/probe.workflow.ts', code)).toEqual([]);
  });

  it('allows the same imports outside workflows/', () => {
    expect(lint('src/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toEqual([]);
  });
});
