import { CASE_CATEGORIES, SAFETY_REGIONS, type CaseCategory, type SafetyRegion } from '../domain/case.vocabulary';
import { EXPERT_SKILLS, type ExpertSkill, type UnavailablePeriod } from '../domain/expert-profile';
import { municipalityCodeForName } from '../domain/places/place-register';
import type { CreateExpertDto } from './dto/create-expert.dto';

// Real municipalities of each safety region by their register names, the region's largest or best-known first.
const MUNICIPALITIES: Record<SafetyRegion, readonly string[]> = {
  'groningen': ['Groningen', 'Westerwolde', 'Oldambt'],
  'fryslan': ['Leeuwarden', 'Súdwest-Fryslân', 'Smallingerland', 'Heerenveen'],
  'drenthe': ['Assen', 'Emmen', 'Hoogeveen', 'Meppel'],
  'ijsselland': ['Zwolle', 'Deventer', 'Kampen', 'Raalte'],
  'twente': ['Enschede', 'Hengelo (O.)', 'Almelo', 'Oldenzaal'],
  'noord-en-oost-gelderland': ['Apeldoorn', 'Zutphen', 'Doetinchem', 'Harderwijk'],
  'gelderland-midden': ['Arnhem', 'Ede', 'Wageningen', 'Renkum'],
  'gelderland-zuid': ['Nijmegen', 'Tiel', 'Culemborg'],
  'utrecht': ['Utrecht', 'Amersfoort', 'Nieuwegein', 'Veenendaal'],
  'noord-holland-noord': ['Alkmaar', 'Den Helder', 'Hoorn', 'Schagen'],
  'zaanstreek-waterland': ['Zaanstad', 'Purmerend', 'Edam-Volendam'],
  'kennemerland': ['Haarlem', 'Velsen', 'Heemstede', 'Zandvoort'],
  'amsterdam-amstelland': ['Amsterdam', 'Amstelveen', 'Diemen', 'Aalsmeer'],
  'gooi-en-vechtstreek': ['Hilversum', 'Huizen', 'Gooise Meren', 'Wijdemeren'],
  'haaglanden': ["'s-Gravenhage", 'Zoetermeer', 'Delft', 'Westland'],
  'hollands-midden': ['Leiden', 'Gouda', 'Alphen aan den Rijn', 'Katwijk'],
  'rotterdam-rijnmond': ['Rotterdam', 'Schiedam', 'Vlaardingen', 'Capelle aan den IJssel'],
  'zuid-holland-zuid': ['Dordrecht', 'Gorinchem', 'Zwijndrecht', 'Sliedrecht'],
  'zeeland': ['Middelburg (Z.)', 'Vlissingen', 'Goes', 'Terneuzen'],
  'midden-en-west-brabant': ['Breda', 'Tilburg', 'Roosendaal', 'Bergen op Zoom'],
  'brabant-noord': ["'s-Hertogenbosch", 'Oss', 'Meierijstad'],
  'brabant-zuidoost': ['Eindhoven', 'Helmond', 'Veldhoven', 'Geldrop-Mierlo'],
  'limburg-noord': ['Venlo', 'Roermond', 'Venray', 'Weert'],
  'zuid-limburg': ['Maastricht', 'Heerlen', 'Sittard-Geleen', 'Kerkrade'],
  'flevoland': ['Almere', 'Lelystad', 'Dronten', 'Noordoostpolder'],
};

// Expert i works in region i mod 25, so the list order decides who lives where: the Frisian names land in Fryslân.
const PEOPLE: ReadonlyArray<readonly [name: string, extraLanguage?: string]> = [
  ['Anouk de Vries'], ['Sjoerd Hoekstra'], ['Jeroen Bakker'], ['Fatima El Amrani', 'ar'], ['Mehmet Yılmaz', 'tr'],
  ['Marieke van Dijk'], ['Thijs Jansen'], ['Eline Visser'], ['Shirley Martina', 'pap'], ['Ruben Smit'],
  ['Nadia Bouzid', 'ar'], ['Pieter Mulder'], ['Sanne de Boer'], ['Kees Meijer'], ['Ayşe Demir', 'tr'],
  ['Lotte van den Berg'], ['Bram Dekker'], ['Daan Vermeulen'], ['Iris Kok'], ['Youssef Benali', 'ar'],
  ['Femke Bos'], ['Hans Peters'], ['Esther van Leeuwen'], ['Ricardo Isenia', 'pap'], ['Maarten Brouwer'],
  ['Ingrid de Graaf'], ['Wytske de Jong'], ['Emre Kaya', 'tr'], ['Joost van der Linden'], ['Hanneke Willems'],
  ['Gerrit Postma'], ['Naima Haddou', 'ar'], ['Wouter Hendriks'], ['Judith Schouten'], ['Stefan van Beek'],
  ['Merel Dijkstra'], ['Jurgen Maas'], ['Mirjam Verhoeven'], ['Rachid Ouali', 'ar'], ['Annemiek Kuipers'],
  ['Erik van Wijk'], ['Zeynep Çelik', 'tr'], ['Tom Koster'], ['Linda Huisman'], ['Frank Jacobs'],
  ['Charlotte Prins'], ['Jan-Willem Vos'], ['Giselle Maduro', 'pap'], ['Saskia Claassen'], ['Martijn Wolters'],
  ['Yvonne Gerritsen'], ['Karim Ziani', 'ar'],
];

// What each category most often asks of an expert, so that every expert brings at least that.
const CORE_SKILL: Record<CaseCategory, ExpertSkill> = {
  SHELTER_SUPPORT: 'stakeholderEngagement',
  CITIZEN_MEETING: 'mediation',
  THREAT_TO_OFFICIAL: 'security',
  INCIDENT: 'crisisManagement',
};

/** A fixed, realistic pool of Dutch experts, two or so per safety region, for demos and local development. */
export function demoExpertPool(): CreateExpertDto[] {
  return PEOPLE.map(([name, extraLanguage], index) => {
    const safetyRegion = SAFETY_REGIONS[index % SAFETY_REGIONS.length];
    const towns = MUNICIPALITIES[safetyRegion];
    const round = Math.floor(index / SAFETY_REGIONS.length);
    const homeMunicipalityCode = registeredCode(towns[round % towns.length]);
    const categories = categoriesFor(index);
    return {
      name,
      email: emailFor(name),
      ...(index % 6 !== 5 && { phone: phoneFor(index) }),
      categories,
      skills: skillsFor(index, categories[0]),
      homeMunicipalityCode,
      safetyRegion,
      // Mixed with the index's quarter so that capacity does not follow the category (which cycles by four).
      capacity: 1 + ((index * 5 + Math.floor(index / 4)) % 4),
      unavailable: unavailabilityFor(index),
      // Some once worked for a neighbouring municipality in their own region.
      conflictMunicipalityCodes: index % 7 === 3 || index % 7 === 5 ? [registeredCode(towns[(round + 1) % towns.length])] : [],
      languages: languagesFor(index, safetyRegion, extraLanguage),
    };
  });
}

function registeredCode(name: string): string {
  const code = municipalityCodeForName(name);
  if (!code) throw new Error(`${name} is not a municipality in the register`);
  return code;
}

function categoriesFor(index: number): CaseCategory[] {
  const primary = CASE_CATEGORIES[index % CASE_CATEGORIES.length];
  const secondary = CASE_CATEGORIES[(index + 1 + (index % 3)) % CASE_CATEGORIES.length];
  // About a third of the pool covers a second category as well.
  return index % 3 === 0 && secondary !== primary ? [primary, secondary] : [primary];
}

function skillsFor(index: number, primary: CaseCategory): ExpertSkill[] {
  const extra = [EXPERT_SKILLS[index % EXPERT_SKILLS.length], EXPERT_SKILLS[(index * 3 + 2) % EXPERT_SKILLS.length]];
  return [...new Set([CORE_SKILL[primary], ...extra.slice(0, 1 + (index % 2))])];
}

function unavailabilityFor(index: number): UnavailablePeriod[] {
  if (index % 5 !== 2) return [];
  const leave = { from: startOfDay(2027, index % 12, 1 + (index % 20)), to: endOfDay(2027, index % 12, 14 + (index % 20)) };
  // Some also have the Christmas holidays blocked.
  return index % 10 === 7 ? [{ from: '2026-12-21T00:00:00+01:00', to: '2027-01-03T23:59:59+01:00' }, leave] : [leave];
}

function languagesFor(index: number, region: SafetyRegion, extra: string | undefined): string[] {
  const languages = index % 9 === 4 ? ['nl'] : ['nl', 'en'];
  if (region === 'fryslan') languages.push('fy');
  if (extra) languages.push(extra);
  return languages;
}

function emailFor(name: string): string {
  const local = name.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').toLowerCase()
    .replace(/[^a-z -]/g, '').trim().replace(/[ ]+/g, '.');
  return `${local}@vliegendebrigade.example`;
}

function phoneFor(index: number): string {
  // Dutch mobile numbers: +31 6 and eight digits, kept to the 06-2… to 06-6… blocks that are in use.
  const digits = String(20_000_000 + ((index * 7_919_351) % 50_000_000));
  return `+31 6 ${digits.slice(0, 4)} ${digits.slice(4)}`;
}

// Whole days in UTC, written as the API takes them: RFC 3339 date-times.
function startOfDay(year: number, monthIndex: number, day: number): string {
  return new Date(Date.UTC(year, monthIndex, day)).toISOString();
}

function endOfDay(year: number, monthIndex: number, day: number): string {
  return new Date(Date.UTC(year, monthIndex, day + 1) - 1).toISOString();
}
