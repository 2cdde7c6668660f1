import { EU_EEA_CH, ISO_3166_ALPHA2, ACCEPTED_USER_ASSIGNED } from '../contract/countries.js';
import type { AgeBand } from '../contract/statistics.js';

/*
 * The code lists of the statistics (lifecycle.md §3; Regulation (EC) 862/2007 Art. 6-7 as amended
 * by Regulation (EU) 2020/851): citizenship (ISO 3166-1, contract/countries.ts), ISCO-08 major
 * and sub-major groups (ILO, International Standard Classification of Occupations 2008), NACE
 * Rev. 2 sections and divisions (Regulation (EC) 1893/2006 Annex I), the length-of-validity bands
 * and the age bands of the Eurostat residence-permit collection (RESPER technical guidelines).
 * Data, not code: a new classification is a new table here.
 */

export const CITIZENSHIPS: readonly string[] = [...ISO_3166_ALPHA2, ...ACCEPTED_USER_ASSIGNED];

/** The 27 Member States, the only possible "previous Member State" of long-term mobility (Directive 2014/66/EU Art. 22, 2016/801/EU Art. 28). */
export const EU_MEMBER_STATES: readonly string[] = EU_EEA_CH.slice(0, 27);

/** ISCO-08 major groups (1 digit) with their sub-major groups (2 digits). Source: ILO, ISCO-08 Vol. 1, Table 1. */
export const ISCO08: Readonly<Record<string, { title: string; subMajor: readonly string[] }>> = {
  '0': { title: 'Armed forces occupations', subMajor: ['01', '02', '03'] },
  '1': { title: 'Managers', subMajor: ['11', '12', '13', '14'] },
  '2': { title: 'Professionals', subMajor: ['21', '22', '23', '24', '25', '26'] },
  '3': { title: 'Technicians and associate professionals', subMajor: ['31', '32', '33', '34', '35'] },
  '4': { title: 'Clerical support workers', subMajor: ['41', '42', '43', '44'] },
  '5': { title: 'Service and sales workers', subMajor: ['51', '52', '53', '54'] },
  '6': { title: 'Skilled agricultural, forestry and fishery workers', subMajor: ['61', '62', '63'] },
  '7': { title: 'Craft and related trades workers', subMajor: ['71', '72', '73', '74', '75'] },
  '8': { title: 'Plant and machine operators, and assemblers', subMajor: ['81', '82', '83'] },
  '9': { title: 'Elementary occupations', subMajor: ['91', '92', '93', '94', '95', '96'] },
};

const ISCO_SUB_MAJOR = new Set(Object.values(ISCO08).flatMap((g) => g.subMajor));

/** The ISCO-08 sub-major group (2 digits) of a 4-digit occupation code, or undefined when it is none. */
export function iscoSubMajor(code: string | undefined): string | undefined {
  const two = code?.slice(0, 2);
  return two && ISCO_SUB_MAJOR.has(two) ? two : undefined;
}

/** NACE Rev. 2 sections with their divisions (first and last, inclusive). Source: Regulation (EC) 1893/2006, Annex I. */
export const NACE_SECTIONS: readonly { section: string; from: number; to: number; title: string }[] = [
  { section: 'A', from: 1, to: 3, title: 'Agriculture, forestry and fishing' },
  { section: 'B', from: 5, to: 9, title: 'Mining and quarrying' },
  { section: 'C', from: 10, to: 33, title: 'Manufacturing' },
  { section: 'D', from: 35, to: 35, title: 'Electricity, gas, steam and air conditioning supply' },
  { section: 'E', from: 36, to: 39, title: 'Water supply; sewerage, waste management and remediation' },
  { section: 'F', from: 41, to: 43, title: 'Construction' },
  { section: 'G', from: 45, to: 47, title: 'Wholesale and retail trade; repair of motor vehicles' },
  { section: 'H', from: 49, to: 53, title: 'Transportation and storage' },
  { section: 'I', from: 55, to: 56, title: 'Accommodation and food service activities' },
  { section: 'J', from: 58, to: 63, title: 'Information and communication' },
  { section: 'K', from: 64, to: 66, title: 'Financial and insurance activities' },
  { section: 'L', from: 68, to: 68, title: 'Real estate activities' },
  { section: 'M', from: 69, to: 75, title: 'Professional, scientific and technical activities' },
  { section: 'N', from: 77, to: 82, title: 'Administrative and support service activities' },
  { section: 'O', from: 84, to: 84, title: 'Public administration and defence; compulsory social security' },
  { section: 'P', from: 85, to: 85, title: 'Education' },
  { section: 'Q', from: 86, to: 88, title: 'Human health and social work activities' },
  { section: 'R', from: 90, to: 93, title: 'Arts, entertainment and recreation' },
  { section: 'S', from: 94, to: 96, title: 'Other service activities' },
  { section: 'T', from: 97, to: 98, title: 'Activities of households as employers' },
  { section: 'U', from: 99, to: 99, title: 'Activities of extraterritorial organisations and bodies' },
];

/** The NACE division (2 digits) of a code such as `62.01` or `6201`, when it is one of Rev. 2. */
export function naceDivision(code: string | undefined): string | undefined {
  const two = code?.slice(0, 2);
  return two && naceSectionOf(two) ? two : undefined;
}

export function naceSectionOf(division: string | undefined): string | undefined {
  if (!division) return undefined;
  const n = Number(division);
  return NACE_SECTIONS.find((s) => n >= s.from && n <= s.to)?.section;
}

/**
 * Length of validity in the Eurostat bands (3 to 5 months, 6 to 11 months, 12 months or more).
 * A permit under 3 months is no residence permit in Eurostat's sense and falls in `M_LT3`.
 */
export const VALIDITY_BANDS = ['M_LT3', 'M3-5', 'M6-11', 'M_GE12', 'UNK'] as const;
export type ValidityBand = (typeof VALIDITY_BANDS)[number];

export function validityBand(months: number | null | undefined): ValidityBand {
  if (months === null || months === undefined) return 'UNK';
  if (months < 3) return 'M_LT3';
  if (months < 6) return 'M3-5';
  if (months < 12) return 'M6-11';
  return 'M_GE12';
}

/** Complete months of validity, the last day included: 2027-02-01 to 2028-01-31 is 12, 2027-02-15 to 2027-05-14 is 3. */
export function validityMonths(validFrom: string, validUntil: string): number {
  const end = new Date(`${validUntil}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  const [fy, fm, fd] = validFrom.split('-').map(Number) as [number, number, number];
  const months = (end.getUTCFullYear() - fy) * 12 + (end.getUTCMonth() + 1 - fm);
  return Math.max(0, months - (end.getUTCDate() < fd ? 1 : 0));
}

/** The age band on a date, from the birth date; the birth date itself never leaves this function. */
export function ageBand(birthDate: string | undefined, on: string): AgeBand {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return 'unknown';
  const years =
    Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (on.slice(5) < birthDate.slice(5) ? 1 : 0);
  if (years < 15) return 'unknown';
  if (years < 25) return '15-24';
  if (years < 35) return '25-34';
  if (years < 45) return '35-44';
  if (years < 55) return '45-54';
  if (years < 65) return '55-64';
  return '65+';
}

/**
 * Categories of persons admitted to work ex officio (Art. 32 4°; royal decree of 2 September 2018,
 * Art. 10). The platform records them when a region notes them. The list is configured from the
 * decree's headings and is to be confirmed against its text before publication.
 */
export const EX_OFFICIO_CATEGORIES: readonly { code: string; legalSource: string }[] = [
  { code: 'unlimited_residence', legalSource: 'RD 2 September 2018 Art. 10 1° (configured)' },
  { code: 'recognised_refugee_or_protection', legalSource: 'RD 2 September 2018 Art. 10 (configured)' },
  { code: 'family_member', legalSource: 'RD 2 September 2018 Art. 10 (configured)' },
  { code: 'student', legalSource: 'RD 2 September 2018 Art. 10 (configured)' },
  { code: 'au_pair_or_exchange', legalSource: 'RD 2 September 2018 Art. 10 (configured)' },
  { code: 'other', legalSource: 'RD 2 September 2018 Art. 10 (configured)' },
];
