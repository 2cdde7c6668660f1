import { ACCEPTED_USER_ASSIGNED, EU_EEA_CH, ISO_3166_ALPHA2 } from './countries.js';

export { EU_EEA_CH } from './countries.js';

/*
 * Parsers for the identifiers the form takes. They never throw on user input: they answer the
 * canonical form or undefined, so the caller decides which catalogued error to show.
 */

const SEPARATORS = /[\s.\-/]/g;

function mod97(digits: string): number {
  // At most 11 digits reach here, well inside Number's exact integer range.
  return Number(digits) % 97;
}

/**
 * Belgian national register number (INSZ/NISS) or BIS number: YYMMDD, a 3-digit serial, 2 check
 * digits = 97 - (first nine mod 97); for births from 2000 the nine digits are prefixed with 2.
 * BIS numbers add 20 (sex unknown) or 40 (sex known) to the month; a month or day of 00 stands for
 * an unknown birth date. Answers the compact 11 digits.
 */
export function parseNiss(input: string): string | undefined {
  const compact = input.replace(SEPARATORS, '');
  if (!/^\d{11}$/.test(compact)) return undefined;
  const encodedMonth = Number(compact.slice(2, 4));
  const month = encodedMonth % 20;
  const bisOffset = encodedMonth - month; // 0, 20 or 40
  const day = Number(compact.slice(4, 6));
  if (bisOffset > 40 || month > 12 || day > 31) return undefined;
  const body = compact.slice(0, 9);
  const check = Number(compact.slice(9));
  const bornBefore2000 = 97 - mod97(body) === check;
  const bornFrom2000 = 97 - mod97(`2${body}`) === check;
  return bornBefore2000 || bornFrom2000 ? compact : undefined;
}

/** Whether a compact number from `parseNiss` is a national register number or a BIS number. */
export function nissKind(compact: string): 'national' | 'bis' {
  return Number(compact.slice(2, 4)) >= 20 ? 'bis' : 'national';
}

/**
 * Enterprise number of the Crossroads Bank for Enterprises (KBO/BCE): 10 digits starting with 0 or 1,
 * the last two = 97 - (first eight mod 97). Takes `0123.456.789`, `BE0123456789` and the 9-digit
 * form of older VAT numbers, which the enterprise number extends with a leading 0. Answers the compact
 * 10 digits.
 */
export function parseEnterpriseNumber(input: string): string | undefined {
  let compact = input.replace(SEPARATORS, '').replace(/^BE/i, '');
  if (/^\d{9}$/.test(compact)) compact = `0${compact}`;
  if (!/^[01]\d{9}$/.test(compact)) return undefined;
  return 97 - mod97(compact.slice(0, 8)) === Number(compact.slice(8)) ? compact : undefined;
}

function formatStructuredReference(digits: string): string {
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
}

function structuredCheck(base: string): number {
  return mod97(base) || 97;
}

/**
 * Belgian structured payment reference (OGM/VCS): 10 digits and a check = first ten mod 97 (0 → 97).
 * Takes `+++123/4567/89012+++`, the `***…***` variant banks also print, or 12 bare digits; answers the
 * canonical `+++…+++` form so a fee is matched by one spelling.
 */
export function parseStructuredReference(input: string): string | undefined {
  const s = input.replace(/\s/g, '');
  const framed = /^(\+{3}|\*{3})(\d{3})\/?(\d{4})\/?(\d{5})\1$/.exec(s);
  const digits = framed ? `${framed[2] ?? ''}${framed[3] ?? ''}${framed[4] ?? ''}` : s;
  if (!/^\d{12}$/.test(digits)) return undefined;
  if (structuredCheck(digits.slice(0, 10)) !== Number(digits.slice(10))) return undefined;
  return formatStructuredReference(digits);
}

/** A valid structured reference for a 10-digit base number, e.g. a fee's sequence number. */
export function structuredReferenceFor(n: number | bigint): string {
  // A bad base is a defect of the caller's numbering, not user input, so it throws.
  if (typeof n === 'number' && !Number.isSafeInteger(n)) throw new RangeError('base must be an integer');
  const base = BigInt(n);
  if (base < 0n || base > 9_999_999_999n) throw new RangeError('base must have at most 10 digits');
  const digits = base.toString().padStart(10, '0');
  return formatStructuredReference(`${digits}${String(structuredCheck(digits)).padStart(2, '0')}`);
}

const COUNTRY_CODES = new Set([...ISO_3166_ALPHA2, ...ACCEPTED_USER_ASSIGNED]);
const EU_EEA_CH_CODES = new Set(EU_EEA_CH);

/** An assigned ISO 3166-1 alpha-2 code (upper case, as stored), or XK for Kosovo. */
export function isCountryCode(s: string): boolean {
  return COUNTRY_CODES.has(s);
}

/** True when the nationality is not a third country, so none of the three procedures applies. */
export function isEuEeaChNational(country: string): boolean {
  return EU_EEA_CH_CODES.has(country);
}

/**
 * An IBAN (ISO 13616): two letters, two check digits, then up to 30 letters and digits, the whole
 * rearranged (country and check to the end, letters as 10-35) leaving 1 modulo 97. Takes spaces;
 * answers the compact upper-case form. A Belgian IBAN has 16 characters.
 */
export function parseIban(input: string): string | undefined {
  const compact = input.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return undefined;
  if (compact.startsWith('BE') && compact.length !== 16) return undefined;
  const rearranged = `${compact.slice(4)}${compact.slice(0, 4)}`.replace(/[A-Z]/g, (c) =>
    String(c.charCodeAt(0) - 55),
  );
  // Piecewise, as the number has up to 70 digits.
  let rest = 0;
  for (const digit of rearranged) rest = (rest * 10 + Number(digit)) % 97;
  return rest === 1 ? compact : undefined;
}

/** The IBAN in groups of four, as it is printed for people to copy. */
export const formatIban = (compact: string): string => compact.replace(/(.{4})(?=.)/g, '$1 ');

/** A BIC (ISO 9362): bank code (4 letters), country (2 letters), location (2), optional branch (3). */
export function isBic(input: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(input);
}
