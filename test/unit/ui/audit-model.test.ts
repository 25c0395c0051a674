import { auditChecks, auditTime, clampVersion, exportFileName, shortHash, type AuditVerification } from '../../../src/ui/client/pages/audit-model';

const passing: AuditVerification = {
  caseId: '5b1d0c7e-3f0a-4c43-9a51-7f1e2d4c8a10',
  valid: true,
  chain: { valid: true, eventCount: 9, firstInvalidVersion: null, problem: null },
  fold: { valid: true, failedVersion: null, problem: null },
  projection: { consistent: true, problem: null },
  replay: { status: 'passed', workflows: [{ workflowId: 'case-5b1d', status: 'passed', message: null }] },
  recordedEvents: { status: 'passed', problem: null },
  log: { status: 'pending', problem: null },
};

describe("the auditor's verification checks", () => {
  it('lists every check as passed for a valid case', () => {
    expect(auditChecks(passing)).toEqual([
      { name: 'chain', passed: true, problem: null },
      { name: 'fold', passed: true, problem: null },
      { name: 'projection', passed: true, problem: null },
      { name: 'replay', passed: true, problem: null },
      { name: 'recorded', passed: true, problem: null },
      { name: 'log', passed: true, problem: null },
    ]);
  });

  it('names the broken version and the diverging workflow', () => {
    const broken: AuditVerification = {
      ...passing,
      valid: false,
      chain: { valid: false, eventCount: 9, firstInvalidVersion: 4, problem: 'hash does not match the event content' },
      projection: null,
      replay: { status: 'diverged', workflows: [{ workflowId: 'case-5b1d', status: 'diverged', message: 'Nondeterminism' }] },
      recordedEvents: { status: 'mismatch', problem: 'version 4 differs from what the workflow recorded in data.riskLevel' },
      log: { status: 'failed', problem: 'version 4 (leaf 17) is not included in checkpoint 40' },
    };

    expect(auditChecks(broken)).toEqual([
      { name: 'chain', passed: false, problem: 'v4: hash does not match the event content' },
      { name: 'fold', passed: true, problem: null },
      { name: 'projection', passed: null, problem: null },
      { name: 'replay', passed: false, problem: 'case-5b1d: diverged — Nondeterminism' },
      { name: 'recorded', passed: false, problem: 'version 4 differs from what the workflow recorded in data.riskLevel' },
      { name: 'log', passed: false, problem: 'version 4 (leaf 17) is not included in checkpoint 40' },
    ]);
  });
});

describe('audit formatting', () => {
  it('shortens a hash and names the export file as the server does', () => {
    expect(shortHash('a'.repeat(64))).toBe(`${'a'.repeat(12)}…`);
    expect(shortHash('abc')).toBe('abc');
    expect(exportFileName('5b1d')).toBe('case-5b1d.audit.json');
  });

  it.each([[0, 1], [3.4, 3], [99, 12], [Number.NaN, 12]])('keeps the slider at a version that exists (%p of 12 gives %p)', (value, expected) => {
    expect(clampVersion(value, 12)).toBe(expected);
  });
});

describe('audit times', () => {
  it('keeps the seconds, in Dutch time and the chosen language, and leaves an unreadable time as it is', () => {
    expect(auditTime('2026-11-30T01:44:07Z', 'en-GB')).toBe('30 Nov 2026, 02:44:07');
    expect(auditTime('2026-11-30T01:44:07Z', 'nl-NL')).toBe('30 nov 2026, 02:44:07');
    expect(auditTime('yesterday', 'nl-NL')).toBe('yesterday');
  });
});
