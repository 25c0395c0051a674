import type { PartnerContactFields } from '../partner-contacts/partner-contact-store.port';

/**
 * Made-up contact points for demos and local development: a national desk for each partner and the police of three
 * regions. The addresses are in the reserved `.example` domain and Brigade's own `brigade.local`, the numbers in the
 * 097 range Dutch operators use for machines, so a demo message never reaches a person.
 */
export function demoPartnerContacts(): PartnerContactFields[] {
  return [
    { partner: 'COA', safetyRegion: null, name: 'COA Landelijke desk bestuurlijke contacten', email: 'bestuurlijke-contacten@coa.example', phone: '+3197010000001', language: 'nl' },
    { partner: 'police', safetyRegion: null, name: 'Politie Landelijk Operationeel Coördinatiecentrum', email: 'loc@politie.example', phone: '+3197010000002', language: 'nl' },
    { partner: 'NCTV', safetyRegion: null, name: 'NCTV Nationaal Crisiscentrum', email: 'crisiscentrum@nctv.example', phone: '+3197010000003', language: 'nl' },
    { partner: 'police', safetyRegion: 'utrecht', name: 'Politie Eenheid Midden-Nederland', email: 'politie-midden-nederland@brigade.local', phone: '+3197010000011', language: 'nl' },
    { partner: 'police', safetyRegion: 'rotterdam-rijnmond', name: 'Politie Eenheid Rotterdam', email: 'politie-rotterdam@brigade.local', phone: '+3197010000012', language: 'nl' },
    { partner: 'police', safetyRegion: 'haaglanden', name: 'Politie Eenheid Den Haag', email: 'politie-den-haag@brigade.local', phone: null, language: 'nl' },
  ];
}
