import type { CaseListItem } from '../../../src/ui/client/api-types';
import { boardFiltersQuery, boardRows, boardScope, listsOpenOnly, parseBoardFilters, serverFilters } from '../../../src/ui/client/board-filters';

function anItem(caseId: string, overrides: Partial<CaseListItem> = {}): CaseListItem {
  return {
    caseId, stage: 'Matching', riskLevel: 'MEDIUM', category: 'CITIZEN_MEETING', municipality: 'Goes', safetyRegion: 'zeeland',
    version: 3, updatedAt: '2026-11-30T10:00:00.000Z', nextDeadline: null, openEscalations: 0, failedNotifications: 0, stuckWorkflowAttempts: null, ...overrides,
  };
}
const deadline = (at: string) => ({ at, kind: 'task' as const, id: 'task-1' });
const text = (item: CaseListItem) => `${item.municipality} ${item.caseId}`;

describe('the board\'s filters', () => {
  it('read from the address, dropping values the API would refuse', () => {
    expect(parseBoardFilters('?stage=Triage&risk=HUGE&category=INCIDENT&region=atlantis&q=goes&ended=1'))
      .toEqual({ stage: 'Triage', risk: '', category: 'INCIDENT', region: '', q: 'goes', ended: true });
    expect(parseBoardFilters('')).toEqual({ stage: '', risk: '', category: '', region: '', q: '', ended: false });
  });

  it('write back to the address only what is set, and send the API only its own filters', () => {
    const filters = parseBoardFilters('?risk=HIGH&q=den%20haag');
    expect(boardFiltersQuery(filters)).toBe('?risk=HIGH&q=den+haag');
    expect(boardFiltersQuery(parseBoardFilters(''))).toBe('');
    expect(serverFilters(filters)).toEqual({ risk: 'HIGH' });
  });
});

describe('the board\'s rows', () => {
  const items = [
    anItem('later', { nextDeadline: deadline('2026-12-02T10:00:00.000Z') }),
    anItem('none-old', { updatedAt: '2026-11-29T10:00:00.000Z' }),
    anItem('sooner', { nextDeadline: deadline('2026-12-01T10:00:00.000Z'), municipality: 'Middelburg' }),
    anItem('none-new', { updatedAt: '2026-11-30T11:00:00.000Z' }),
    anItem('closed', { stage: 'Closed' }),
  ];

  it('put the soonest deadline first, then cases without one, most recently changed first, and leave ended cases out', () => {
    expect(boardRows(items, parseBoardFilters(''), text).map((row) => row.caseId)).toEqual(['sooner', 'later', 'none-new', 'none-old']);
  });

  it('show ended cases when asked, or when their stage is the filter', () => {
    expect(boardRows(items, parseBoardFilters('?ended=1'), text).map((row) => row.caseId)).toContain('closed');
    expect(boardRows([items[4]], parseBoardFilters('?stage=Closed'), text).map((row) => row.caseId)).toEqual(['closed']);
  });

  it('match the search text anywhere in what people scan by, ignoring case', () => {
    expect(boardRows(items, parseBoardFilters('?q=MIDDEL'), text).map((row) => row.caseId)).toEqual(['sooner']);
    expect(boardRows(items, parseBoardFilters('?q=none-o'), text).map((row) => row.caseId)).toEqual(['none-old']);
  });
});

describe('the board\'s count', () => {
  const items = [anItem('open-1'), anItem('open-2', { municipality: 'Middelburg' }), anItem('open-3'), anItem('closed', { stage: 'Closed' })];

  it('counts the open cases shown out of all open cases, leaving closed cases out of the total', () => {
    const filters = parseBoardFilters('');

    expect(boardRows(items, filters, text)).toHaveLength(3);
    expect(boardScope(items, filters)).toHaveLength(3);
    expect(listsOpenOnly(filters)).toBe(true);
  });

  it('counts what the search leaves out of all open cases', () => {
    const filters = parseBoardFilters('?q=middelburg');

    expect(boardRows(items, filters, text)).toHaveLength(1);
    expect(boardScope(items, filters)).toHaveLength(3);
  });

  it('counts ended cases too, and says so, when they are asked for or their stage is the filter', () => {
    expect(boardScope(items, parseBoardFilters('?ended=1'))).toHaveLength(4);
    expect(listsOpenOnly(parseBoardFilters('?ended=1'))).toBe(false);
    expect(listsOpenOnly(parseBoardFilters('?stage=Closed'))).toBe(false);
    expect(listsOpenOnly(parseBoardFilters('?stage=Matching'))).toBe(true);
  });
});
