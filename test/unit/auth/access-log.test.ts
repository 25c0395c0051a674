import { Registry } from 'prom-client';
import { AccessLog } from '../../../src/access-log/access-log';
import { actorOf } from '../../../src/auth/principal';

describe('the access log', () => {
  it('counts each event by its reason in the registry /metrics serves, one counter for every instance', async () => {
    const registry = new Registry();
    new AccessLog(registry).record({ event: 'sign_in', role: 'coordinator', subject: 'c-1' });
    new AccessLog(registry).record({ event: 'sign_in_refused', cause: 'attempt_unknown' });
    const exposition = await registry.metrics();
    expect(exposition).toContain('brigade_access_events_total{event="sign_in",reason=""} 1');
    expect(exposition).toContain('brigade_access_events_total{event="sign_in_refused",reason="attempt_unknown"} 1');
  });
});

describe('the actor an event records', () => {
  it("keeps the provider's subject and, when known, the person's name and that the provider vouched for them", () => {
    expect(actorOf({ role: 'coordinator', subject: 'kc-7', displayName: 'Cor Dijk', viaProvider: true }))
      .toEqual({ role: 'coordinator', id: 'kc-7', name: 'Cor Dijk', via: 'provider' });
    expect(actorOf({ role: 'auditor', subject: 'a.visser' })).toEqual({ role: 'auditor', id: 'a.visser' });
  });
});
