import type { Region } from '../contract/regions.js';
import { readCsv } from './csv.js';
import { effectiveAt, type RuleRow } from './effective.js';

export interface RegionalAuthority {
  names: { nl: string; fr: string; de: string; en: string };
  legalSource: string;
}

export const REGIONAL_AUTHORITIES: Record<Region, RegionalAuthority> = {
  flanders: {
    names: {
      nl: 'Departement Werk en Sociale Economie, dienst Economische Migratie',
      fr: 'Département Emploi et Économie sociale, service de la Migration économique',
      de: 'Departement Arbeit und Sozialwirtschaft, Dienst Wirtschaftsmigration',
      en: 'Department of Work and Social Economy, Economic Migration Service',
    },
    legalSource: 'Art. 9 §4 CA 31.01.2025',
  },
  wallonia: {
    names: {
      nl: 'Waalse Overheidsdienst Economie, Werk en Onderzoek, Directie Tewerkstelling en Werkvergunningen',
      fr: "SPW Économie, Emploi, Recherche, Direction de l'Emploi et des Permis de travail",
      de: 'ÖDW Wirtschaft, Beschäftigung, Forschung, Direktion Beschäftigung und Arbeitserlaubnisse',
      en: 'Public Service of Wallonia Economy, Employment, Research, Directorate of Employment and Work Permits',
    },
    legalSource: 'Art. 9 §5 CA 31.01.2025',
  },
  brussels: {
    names: {
      nl: 'Brussel Economie en Werkgelegenheid, Directie Economische Migratie',
      fr: 'Bruxelles Économie et Emploi, Direction de la Migration économique',
      de: 'Brüssel Wirtschaft und Beschäftigung, Direktion Wirtschaftsmigration',
      en: 'Brussels Economy and Employment, Economic Migration Directorate',
    },
    legalSource: 'Art. 9 §6 CA 31.01.2025',
  },
  ostbelgien: {
    names: {
      nl: 'Ministerie van de Duitstalige Gemeenschap, Departement Tewerkstelling',
      fr: 'Ministère de la Communauté germanophone, Département Emploi',
      de: 'Ministerium der Deutschsprachigen Gemeinschaft, Fachbereich Beschäftigung',
      en: 'Ministry of the German-speaking Community, Employment Department',
    },
    legalSource: 'Art. 9 §7 CA 31.01.2025',
  },
};

export interface PostcodeRegionRule extends RuleRow {
  fromPostcode: number;
  /** Inclusive. */
  toPostcode: number;
  region: Region;
}

/**
 * The platform holds no dossier from before the German-speaking Community took over the Walloon
 * Region's employment competence (Walloon decree of 6 May 1999 and decree of the Community of
 * 10 May 1999, in force 1 January 2000), so every row starts then.
 */
const SINCE = '2000-01-01';
const DG =
  'Art. 9 §7 CA 31.01.2025; Walloon decree of 6 May 1999 and German-speaking Community decree of 10 May 1999';

/**
 * bpost postcode ranges follow the provinces, hence the regions (R-PROC-4). The nine German-speaking
 * municipalities use exactly 4700-4791 and no other municipality does (checked against both data
 * files in regions.test.ts), so the Walloon 4000-7999 range is cut around them.
 */
export const POSTCODE_REGION_RULES: readonly PostcodeRegionRule[] = [
  {
    fromPostcode: 1000,
    toPostcode: 1299,
    region: 'brussels',
    effectiveFrom: SINCE,
    legalSource: 'Art. 9 §6 CA 31.01.2025; special law of 12 January 1989 (Brussels-Capital Region)',
  },
  {
    fromPostcode: 1300,
    toPostcode: 1499,
    region: 'wallonia',
    effectiveFrom: SINCE,
    legalSource: 'Art. 9 §5 CA 31.01.2025 (province of Walloon Brabant)',
  },
  {
    fromPostcode: 1500,
    toPostcode: 3999,
    region: 'flanders',
    effectiveFrom: SINCE,
    legalSource: 'Art. 9 §4 CA 31.01.2025 (provinces of Flemish Brabant, Antwerp, Limburg)',
  },
  {
    fromPostcode: 4000,
    toPostcode: 4699,
    region: 'wallonia',
    effectiveFrom: SINCE,
    legalSource: 'Art. 9 §5 CA 31.01.2025 (province of Liège outside the German-speaking area)',
  },
  { fromPostcode: 4700, toPostcode: 4791, region: 'ostbelgien', effectiveFrom: SINCE, legalSource: DG },
  {
    fromPostcode: 4792,
    toPostcode: 7999,
    region: 'wallonia',
    effectiveFrom: SINCE,
    legalSource: 'Art. 9 §5 CA 31.01.2025 (provinces of Liège, Namur, Luxembourg, Hainaut)',
  },
  {
    fromPostcode: 8000,
    toPostcode: 9999,
    region: 'flanders',
    effectiveFrom: SINCE,
    legalSource: 'Art. 9 §4 CA 31.01.2025 (provinces of West and East Flanders)',
  },
];

/** The nine municipalities of R-PROC-4, by Statbel NIS code. */
export const GERMAN_SPEAKING_MUNICIPALITIES: readonly { nisCode: string; name: string }[] = [
  { nisCode: '63001', name: 'Amel' },
  { nisCode: '63012', name: 'Büllingen' },
  { nisCode: '63013', name: 'Bütgenbach' },
  { nisCode: '63023', name: 'Eupen' },
  { nisCode: '63040', name: 'Kelmis' },
  { nisCode: '63048', name: 'Lontzen' },
  { nisCode: '63061', name: 'Raeren' },
  { nisCode: '63067', name: 'Sankt Vith' },
  { nisCode: '63087', name: 'Burg-Reuland' },
];

export interface Municipality {
  nisCode: string;
  nameNl: string;
  nameFr: string;
  provinceNl: string;
  /** Statbel's region name in Dutch: Vlaams Gewest, Waals Gewest or Brussels Hoofdstedelijk Gewest. */
  regionNl: string;
  /** The municipality's main postcode; its sections may have others. */
  mainPostcode: string;
}

/** The 581 municipalities of 2020 (before the Flemish mergers of 2025; postcodes did not change). */
export const MUNICIPALITIES: readonly Municipality[] = readCsv('be-municipalities-2020.csv')
  .slice(1)
  .map((f) => ({
    nisCode: f[0] ?? '',
    nameNl: f[1] ?? '',
    nameFr: f[2] ?? '',
    provinceNl: f[5] ?? '',
    regionNl: f[7] ?? '',
    mainPostcode: f[10] ?? '',
  }));

const LOCALITIES = new Map<string, string[]>();
for (const [postcode = '', locality = ''] of readCsv('be-postcodes.csv')) {
  const names = LOCALITIES.get(postcode);
  if (names === undefined) LOCALITIES.set(postcode, [locality]);
  else names.push(locality);
}

/** Every postcode of bpost's list, ascending. */
export const POSTCODES: readonly string[] = [...LOCALITIES.keys()].sort();

const POSTCODE = /^\d{4}$/;

function normalise(postcode: string): string {
  return postcode.trim();
}

/** The localities bpost lists under a postcode (one language only), or none for an unknown postcode. */
export function localitiesOfPostcode(postcode: string): string[] {
  return [...(LOCALITIES.get(normalise(postcode)) ?? [])];
}

/**
 * The region competent for a place of employment or activity (R-PROC-4). Unknown postcodes give
 * undefined rather than a guess from the range, so a typo cannot route a dossier to a region.
 */
export function regionOfPostcode(postcode: string, on: string): Region | undefined {
  const code = normalise(postcode);
  const rows = effectiveAt(POSTCODE_REGION_RULES, on);
  if (!POSTCODE.test(code) || !LOCALITIES.has(code)) return undefined;
  const n = Number(code);
  return rows.find((r) => r.fromPostcode <= n && n <= r.toPostcode)?.region;
}
