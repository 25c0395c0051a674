import type { SafetyRegionRecord } from './place-records';

/**
 * The 25 safety regions of the Wet veiligheidsregio's (bijlage), with the VR codes CBS and the Ministry of VWS use
 * (github.com/minvws/nl-covid19-data-dashboard, packages/common/src/data/vr.ts). The slug is the identifier Brigade
 * records in events and tables; it stays so that recorded cases keep reading.
 */
export const SAFETY_REGION_RECORDS = [
  { code: 'VR01', slug: 'groningen', name: 'Groningen', province: 'Groningen' },
  { code: 'VR02', slug: 'fryslan', name: 'Fryslân', province: 'Fryslân' },
  { code: 'VR03', slug: 'drenthe', name: 'Drenthe', province: 'Drenthe' },
  { code: 'VR04', slug: 'ijsselland', name: 'IJsselland', province: 'Overijssel' },
  { code: 'VR05', slug: 'twente', name: 'Twente', province: 'Overijssel' },
  { code: 'VR06', slug: 'noord-en-oost-gelderland', name: 'Noord- en Oost-Gelderland', province: 'Gelderland' },
  { code: 'VR07', slug: 'gelderland-midden', name: 'Gelderland-Midden', province: 'Gelderland' },
  { code: 'VR08', slug: 'gelderland-zuid', name: 'Gelderland-Zuid', province: 'Gelderland' },
  { code: 'VR09', slug: 'utrecht', name: 'Utrecht', province: 'Utrecht' },
  { code: 'VR10', slug: 'noord-holland-noord', name: 'Noord-Holland Noord', province: 'Noord-Holland' },
  { code: 'VR11', slug: 'zaanstreek-waterland', name: 'Zaanstreek-Waterland', province: 'Noord-Holland' },
  { code: 'VR12', slug: 'kennemerland', name: 'Kennemerland', province: 'Noord-Holland' },
  { code: 'VR13', slug: 'amsterdam-amstelland', name: 'Amsterdam-Amstelland', province: 'Noord-Holland' },
  { code: 'VR14', slug: 'gooi-en-vechtstreek', name: 'Gooi en Vechtstreek', province: 'Noord-Holland' },
  { code: 'VR15', slug: 'haaglanden', name: 'Haaglanden', province: 'Zuid-Holland' },
  { code: 'VR16', slug: 'hollands-midden', name: 'Hollands Midden', province: 'Zuid-Holland' },
  { code: 'VR17', slug: 'rotterdam-rijnmond', name: 'Rotterdam-Rijnmond', province: 'Zuid-Holland' },
  { code: 'VR18', slug: 'zuid-holland-zuid', name: 'Zuid-Holland Zuid', province: 'Zuid-Holland' },
  { code: 'VR19', slug: 'zeeland', name: 'Zeeland', province: 'Zeeland' },
  { code: 'VR20', slug: 'midden-en-west-brabant', name: 'Midden- en West-Brabant', province: 'Noord-Brabant' },
  { code: 'VR21', slug: 'brabant-noord', name: 'Brabant-Noord', province: 'Noord-Brabant' },
  { code: 'VR22', slug: 'brabant-zuidoost', name: 'Brabant-Zuidoost', province: 'Noord-Brabant' },
  { code: 'VR23', slug: 'limburg-noord', name: 'Limburg-Noord', province: 'Limburg' },
  { code: 'VR24', slug: 'zuid-limburg', name: 'Zuid-Limburg', province: 'Limburg' },
  { code: 'VR25', slug: 'flevoland', name: 'Flevoland', province: 'Flevoland' },
] as const satisfies readonly SafetyRegionRecord[];
