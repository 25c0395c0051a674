import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ConfigError } from '../../../src/config/env-values';
import { retentionConfig } from '../../../src/config/retention-config';
import { DEFAULT_RETENTION_RULES } from '../../../src/domain/retention/retention-rules';

describe('the retention settings', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'brigade-retention-'));
  const rulesFile = (name: string, content: string) => {
    writeFileSync(path.join(folder, name), content);
    return name;
  };

  it('uses the example rules in code when no file is named', () => {
    const sut = retentionConfig({}, folder);
    expect(sut).toMatchObject({ rules: DEFAULT_RETENTION_RULES, source: 'defaults', reviewCron: '0 2 * * *', timeZone: 'Europe/Amsterdam' });
  });

  it('reads the rules from the file BRIGADE_RETENTION_RULES_FILE names, relative to the working folder', () => {
    const rules = [{ id: 'all', category: '*', outcome: '*', keepFor: 'P3Y', action: 'transfer' }];
    const sut = retentionConfig({ BRIGADE_RETENTION_RULES_FILE: rulesFile('good.json', JSON.stringify({ rules })) }, folder);
    expect(sut.rules).toEqual(rules);
    expect(sut.source).toBe(path.join(folder, 'good.json'));
  });

  it.each([
    ['missing.json', undefined, 'cannot be read: ENOENT'],
    ['broken.json', '{"rules": [', 'is not JSON'],
    ['bad-rule.json', JSON.stringify([{ id: 'all', category: '*', outcome: '*', keepFor: 'forever', action: 'destroy' }]), 'retention rule "all": "keepFor"'],
  ])('fails start-up on %s with a message naming the file and the problem', (name, content, message) => {
    const env = { BRIGADE_RETENTION_RULES_FILE: content === undefined ? name : rulesFile(name, content) };
    expect(() => retentionConfig(env, folder)).toThrow(ConfigError);
    expect(() => retentionConfig(env, folder)).toThrow(message);
  });

  it('refuses a review time that is not a cron line', () => {
    expect(() => retentionConfig({ BRIGADE_RETENTION_REVIEW_CRON: 'daily' }, folder)).toThrow('BRIGADE_RETENTION_REVIEW_CRON');
  });
});
