import { outboxHref, outboxMessageHref, parseOutboxView } from '../../../src/ui/client/pages/outbox-view';

describe("the outbox screen's address", () => {
  it('reads the page, the status and the case, dropping what the API would refuse', () => {
    expect(parseOutboxView('?page=3&status=failed&caseId=5B1D2C3E-1111-4222-8333-944445555666'))
      .toEqual({ page: 3, status: 'failed', caseId: '5b1d2c3e-1111-4222-8333-944445555666' });
    expect(parseOutboxView('?page=-2&status=delivered&caseId=42')).toEqual({ page: 1, status: '', caseId: '' });
  });

  it('writes only what is set, so the plain list is /ui/outbox', () => {
    expect(outboxHref({ page: 1, status: '', caseId: '' })).toBe('/ui/outbox');
    expect(outboxHref({ page: 2, status: 'pending', caseId: '' })).toBe('/ui/outbox?status=pending&page=2');
  });

  it("puts a message's whole key into one path segment", () => {
    expect(outboxMessageHref('5b1d2c3e-1111-4222-8333-944445555666/3-offerMade-expert/email'))
      .toBe('/ui/outbox/5b1d2c3e-1111-4222-8333-944445555666%2F3-offerMade-expert%2Femail');
  });
});
