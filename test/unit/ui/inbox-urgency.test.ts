import { DUE_SOON_MS, overdueCount, soonestDueFirst, urgencyOf } from '../../../src/ui/client/pages/inbox-urgency';

const NOW = Date.parse('2027-03-01T12:00:00Z');

describe('the urgency of an inbox item', () => {
  it.each([
    ['a moment ago', '2027-03-01T11:59:59Z', 'overdue'],
    ['now', '2027-03-01T12:00:00Z', 'dueSoon'],
    ['within a day', new Date(NOW + DUE_SOON_MS).toISOString(), 'dueSoon'],
    ['after a day', new Date(NOW + DUE_SOON_MS + 1).toISOString(), 'later'],
    ['with an offset', '2027-03-01T12:30:00+01:00', 'overdue'],
    ['never', null, 'none'],
    ['at an unreadable time', 'soon', 'none'],
  ])('is read from a due time %s', (_when, dueAt, expected) => {
    expect(urgencyOf(dueAt, NOW)).toBe(expected);
  });
});

describe('sorting the inbox', () => {
  const items = [
    { id: 'undated', due: null },
    { id: 'later', due: '2027-03-09T00:00:00Z' },
    { id: 'overdue', due: '2027-02-28T00:00:00Z' },
    { id: 'same-instant-first', due: '2027-03-02T10:00:00+01:00' },
    { id: 'same-instant-second', due: '2027-03-02T09:00:00.000Z' },
  ];

  it('puts the soonest due first, undated last, and keeps equal ones in their order', () => {
    expect(soonestDueFirst(items, (item) => item.due).map((item) => item.id))
      .toEqual(['overdue', 'same-instant-first', 'same-instant-second', 'later', 'undated']);
  });

  it('counts what is past due', () => {
    expect(overdueCount(items, (item) => item.due, NOW)).toBe(1);
  });
});
