import { domainText } from '../../../src/domain/domain-text';
import { assessRisk } from '../../../src/domain/risk-assessment';
import type { RiskIndicators } from '../../../src/domain/support-request';

const calm: RiskIndicators = {
  threatsReceived: false, expectedAttendance: 0, priorIncidents: 0, mediaAttention: 'none',
  onlineAgitation: false, officeHolderPersonallyTargeted: false,
};

describe('assessRisk', () => {
  it('rates a request without indicators LOW, with no reasons', () => {
    expect(assessRisk('CITIZEN_MEETING', calm)).toEqual({ riskLevel: 'LOW', score: 0, reasons: [] });
  });

  it('rates a large, locally covered meeting MEDIUM and says why', () => {
    const sut = assessRisk('CITIZEN_MEETING', { ...calm, expectedAttendance: 600, mediaAttention: 'local' });
    expect(sut).toEqual({ riskLevel: 'MEDIUM', score: 3, reasons: [domainText('risk.local_media'), domainText('risk.expected_attendance', { count: 600 })] });
  });

  it('weighs threats more for a threat against an office holder than for a meeting', () => {
    const indicators = { ...calm, threatsReceived: true, officeHolderPersonallyTargeted: true };
    expect(assessRisk('THREAT_TO_OFFICIAL', indicators)).toMatchObject({ score: 7, riskLevel: 'HIGH' });
    expect(assessRisk('CITIZEN_MEETING', indicators)).toMatchObject({ score: 6, riskLevel: 'HIGH' });
  });

  it('rates threats with personal targeting, agitation and national attention CRITICAL', () => {
    const sut = assessRisk('THREAT_TO_OFFICIAL', {
      ...calm, threatsReceived: true, officeHolderPersonallyTargeted: true, onlineAgitation: true, mediaAttention: 'national',
    });
    expect(sut).toMatchObject({ riskLevel: 'CRITICAL', score: 11 });
    expect(sut.reasons).toEqual([
      { code: 'risk.threats_received' }, { code: 'risk.office_holder_targeted' }, { code: 'risk.online_agitation' }, { code: 'risk.national_media' },
    ]);
  });

  it('records prior incidents as a code with their count', () => {
    expect(assessRisk('INCIDENT', { ...calm, priorIncidents: 4 }).reasons).toEqual([{ code: 'risk.prior_incidents', params: { count: 4 } }]);
    expect(assessRisk('INCIDENT', { ...calm, priorIncidents: 1 }).reasons).toEqual([{ code: 'risk.prior_incidents', params: { count: 1 } }]);
  });

  it.each([
    [0, 0], [1, 1], [2, 1], [3, 2], [10, 2],
  ])('counts %i prior incidents as %i points', (priorIncidents, points) => {
    expect(assessRisk('INCIDENT', { ...calm, priorIncidents }).score).toBe(points);
  });

  it.each([
    [149, 0], [150, 1], [499, 1], [500, 2],
  ])('counts an attendance of %i as %i points', (expectedAttendance, points) => {
    expect(assessRisk('SHELTER_SUPPORT', { ...calm, expectedAttendance }).score).toBe(points);
  });
});
