import { describe, expect, it } from 'vitest';
import { ISO_3166_ALPHA2 } from './countries.js';
import {
  EU_EEA_CH,
  isCountryCode,
  isEuEeaChNational,
  nissKind,
  parseEnterpriseNumber,
  parseNiss,
  parseStructuredReference,
  structuredReferenceFor,
} from './identifiers.js';

/** Builds a number with correct check digits by the published algorithm, independently of the parser. */
function niss(yymmdd: string, serial: string, bornFrom2000 = false): string {
  const body = `${yymmdd}${serial}`;
  const check = 97 - (Number(`${bornFrom2000 ? '2' : ''}${body}`) % 97);
  return `${body}${String(check).padStart(2, '0')}`;
}

function enterpriseNumber(first8: string): string {
  return `${first8}${String(97 - (Number(first8) % 97)).padStart(2, '0')}`;
}

function flipLastDigit(s: string): string {
  const last = Number(s.slice(-1));
  return `${s.slice(0, -1)}${(last + 1) % 10}`;
}

describe('parseNiss', () => {
  it('accepts hand-checked examples in every spelling', () => {
    // 850730033 mod 97 = 69 (97 × 8770412 = 850729964), 97 - 69 = 28
    expect(parseNiss('85.07.30-033.28')).toBe('85073003328');
    expect(parseNiss('85073003328')).toBe('85073003328');
    expect(parseNiss(' 850730 033 28 ')).toBe('85073003328');
    // born 2000: 2000101001 mod 97 = 92 (97 × 20619597 = 2000100909), 97 - 92 = 5
    expect(parseNiss('00.01.01-001.05')).toBe('00010100105');
    // BIS, sex known (month + 40): 854730033 mod 97 = 80, 97 - 80 = 17
    expect(parseNiss('85.47.30-033.17')).toBe('85473003317');
  });

  it('accepts numbers built by the algorithm, before and after 2000, national and BIS', () => {
    const cases = [
      niss('920215', '123'),
      niss('050630', '998', true),
      niss('852730', '001'), // BIS, sex unknown
      niss('854700', '002'), // BIS, birth date partly unknown
      niss('000000', '017'), // birth date unknown
      niss('211231', '456', true),
    ];
    for (const n of cases) expect(parseNiss(n)).toBe(n);
  });

  it('refuses wrong check digits, wrong lengths, letters and impossible months or days', () => {
    expect(parseNiss('85.07.30-033.29')).toBeUndefined();
    expect(parseNiss(flipLastDigit(niss('050630', '998', true)))).toBeUndefined();
    expect(parseNiss('8507300332')).toBeUndefined();
    expect(parseNiss('850730033280')).toBeUndefined();
    expect(parseNiss('85O73003328')).toBeUndefined();
    expect(parseNiss('')).toBeUndefined();
    expect(parseNiss(niss('851330', '033'))).toBeUndefined(); // month 13
    expect(parseNiss(niss('853330', '033'))).toBeUndefined(); // BIS month 33
    expect(parseNiss(niss('856130', '033'))).toBeUndefined(); // month 61
    expect(parseNiss(niss('850732', '033'))).toBeUndefined(); // day 32
  });

  it('tells national numbers from BIS numbers', () => {
    expect(nissKind('85073003328')).toBe('national');
    expect(nissKind(niss('852730', '001'))).toBe('bis');
    expect(nissKind('85473003317')).toBe('bis');
  });
});

describe('parseEnterpriseNumber', () => {
  it('accepts hand-checked examples in every spelling', () => {
    // 01234567 mod 97 = 48 (97 × 12727 = 1234519), 97 - 48 = 49
    for (const s of ['0123.456.749', '0123456749', 'BE0123456749', 'be 0123 456 749', '123456749']) {
      expect(parseEnterpriseNumber(s)).toBe('0123456749');
    }
    // 10000000 mod 97 = 76 (97 × 103092 = 9999924), 97 - 76 = 21: the 1-series of enterprise numbers
    expect(parseEnterpriseNumber('1000.000.021')).toBe('1000000021');
  });

  it('accepts numbers built by the algorithm', () => {
    for (const first8 of ['04031707', '08765432', '10234567', '00000001']) {
      const n = enterpriseNumber(first8);
      expect(parseEnterpriseNumber(n)).toBe(n);
    }
  });

  it('refuses wrong check digits, lengths, leading digits and letters', () => {
    expect(parseEnterpriseNumber('0123.456.748')).toBeUndefined();
    expect(parseEnterpriseNumber(flipLastDigit(enterpriseNumber('08765432')))).toBeUndefined();
    expect(parseEnterpriseNumber(enterpriseNumber('28765432'))).toBeUndefined(); // must start 0 or 1
    expect(parseEnterpriseNumber('01234567')).toBeUndefined();
    expect(parseEnterpriseNumber('012345674900')).toBeUndefined();
    expect(parseEnterpriseNumber('0123.456.7A9')).toBeUndefined();
    expect(parseEnterpriseNumber('NL0123456749')).toBeUndefined();
  });
});

describe('structured references (OGM/VCS)', () => {
  it('accepts a hand-checked reference in every spelling', () => {
    // 1234567890 mod 97 = 2 (97 × 12727504 = 1234567888)
    for (const s of [
      '+++123/4567/89002+++',
      '***123/4567/89002***',
      '123456789002',
      ' +++ 123/4567/89002 +++ ',
    ]) {
      expect(parseStructuredReference(s)).toBe('+++123/4567/89002+++');
    }
  });

  it('uses 97 when the remainder is 0', () => {
    expect(parseStructuredReference('+++000/0000/09797+++')).toBe('+++000/0000/09797+++');
    expect(parseStructuredReference('+++000/0000/09700+++')).toBeUndefined();
  });

  it('refuses wrong checks, mixed frames and wrong lengths', () => {
    expect(parseStructuredReference('+++123/4567/89003+++')).toBeUndefined();
    expect(parseStructuredReference('+++123/4567/89002***')).toBeUndefined();
    expect(parseStructuredReference('+++123/4567/8900+++')).toBeUndefined();
    expect(parseStructuredReference('12345678900')).toBeUndefined();
    expect(parseStructuredReference('+++12a/4567/89002+++')).toBeUndefined();
  });

  it('builds references that parse back', () => {
    expect(structuredReferenceFor(1234567890)).toBe('+++123/4567/89002+++');
    expect(structuredReferenceFor(0)).toBe('+++000/0000/00097+++');
    expect(structuredReferenceFor(97n)).toBe('+++000/0000/09797+++');
    for (const n of [1, 42, 2026000001, 9999999999]) {
      const ref = structuredReferenceFor(n);
      expect(parseStructuredReference(ref)).toBe(ref);
    }
  });

  it('refuses a base that is not a 10-digit number', () => {
    expect(() => structuredReferenceFor(10_000_000_000)).toThrow(RangeError);
    expect(() => structuredReferenceFor(-1)).toThrow(RangeError);
    expect(() => structuredReferenceFor(1.5)).toThrow(RangeError);
  });
});

describe('countries', () => {
  it('holds the 249 officially assigned codes, each known to ICU', () => {
    expect(ISO_3166_ALPHA2).toHaveLength(249);
    expect(new Set(ISO_3166_ALPHA2).size).toBe(249);
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const code of ISO_3166_ALPHA2) expect(names.of(code)).not.toBe(code);
  });

  it('validates codes', () => {
    for (const c of ['BE', 'MA', 'IN', 'SS', 'XK']) expect(isCountryCode(c)).toBe(true);
    for (const c of ['EU', 'UK', 'EL', 'ZZ', 'YU', 'be', 'BEL', '']) expect(isCountryCode(c)).toBe(false);
  });

  it('lists the 27 EU, 3 other EEA states and Switzerland', () => {
    expect(EU_EEA_CH).toHaveLength(31);
    expect(new Set(EU_EEA_CH).size).toBe(31);
    for (const c of EU_EEA_CH) expect(isCountryCode(c)).toBe(true);
    for (const c of ['BE', 'GR', 'HR', 'NO', 'IS', 'LI', 'CH']) expect(isEuEeaChNational(c)).toBe(true);
    for (const c of ['GB', 'TR', 'MA', 'US', 'IN', 'XK', 'UA']) expect(isEuEeaChNational(c)).toBe(false);
  });
});
