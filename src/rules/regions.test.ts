import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.js';
import { overlappingRows } from './effective.js';
import {
  GERMAN_SPEAKING_MUNICIPALITIES,
  MUNICIPALITIES,
  POSTCODES,
  POSTCODE_REGION_RULES,
  REGIONAL_AUTHORITIES,
  localitiesOfPostcode,
  regionOfPostcode,
} from './regions.js';
import { isKnownPostcode } from '../contract/postcodes.js';
import { REGIONS, type Region } from '../contract/regions.js';

const ON = '2026-11-23';

const STATBEL_REGION: Record<string, Region> = {
  'Vlaams Gewest': 'flanders',
  'Waals Gewest': 'wallonia',
  'Brussels Hoofdstedelijk Gewest': 'brussels',
};

describe('regional authorities (Art. 9 §4-7)', () => {
  it('names each authority in the four languages and cites its paragraph', () => {
    expect(Object.keys(REGIONAL_AUTHORITIES).sort()).toEqual([...REGIONS].sort());
    expect(REGIONAL_AUTHORITIES.flanders.names.nl).toContain('Economische Migratie');
    expect(REGIONAL_AUTHORITIES.wallonia.names.fr).toContain('Permis de travail');
    expect(REGIONAL_AUTHORITIES.brussels.names.fr).toContain('Migration économique');
    expect(REGIONAL_AUTHORITIES.ostbelgien.names.de).toContain('Deutschsprachigen Gemeinschaft');
    expect(REGIONAL_AUTHORITIES.ostbelgien.legalSource).toContain('Art. 9 §7');
    for (const a of Object.values(REGIONAL_AUTHORITIES)) {
      for (const name of Object.values(a.names)) expect(name.length).toBeGreaterThan(10);
    }
  });
});

describe('postcode rows', () => {
  it('cover 1000-9999 exactly once, in contiguous ranges', () => {
    expect(overlappingRows(POSTCODE_REGION_RULES, (r) => `${r.fromPostcode}`)).toEqual([]);
    const sorted = [...POSTCODE_REGION_RULES].sort((a, b) => a.fromPostcode - b.fromPostcode);
    expect(sorted[0]?.fromPostcode).toBe(1000);
    expect(sorted.at(-1)?.toPostcode).toBe(9999);
    const starts = sorted.slice(1).map((row) => row.fromPostcode);
    const nextAfterEnds = sorted.slice(0, -1).map((row) => row.toPostcode + 1);
    expect(starts).toEqual(nextAfterEnds);
  });

  it('loads the bpost list from the data file', () => {
    expect(readCsv('be-postcodes.csv')).toHaveLength(2757);
    expect(POSTCODES.length).toBeGreaterThan(1100);
    expect(POSTCODES.every((p) => /^\d{4}$/.test(p))).toBe(true);
  });
});

describe('regionOfPostcode (R-PROC-4)', () => {
  it.each([
    ['1000', 'brussels'], // Bruxelles
    ['1200', 'brussels'], // Woluwe-Saint-Lambert
    ['1300', 'wallonia'], // Wavre
    ['1500', 'flanders'], // Halle
    ['2000', 'flanders'], // Antwerpen
    ['3000', 'flanders'], // Leuven
    ['3790', 'flanders'], // Voeren, Flemish though east of Liège
    ['4000', 'wallonia'], // Liège
    ['4700', 'ostbelgien'], // Eupen
    ['4720', 'ostbelgien'], // Kelmis / La Calamine
    ['4780', 'ostbelgien'], // Sankt Vith
    ['4791', 'ostbelgien'], // Thommen (Burg-Reuland)
    ['4800', 'wallonia'], // Verviers
    ['4837', 'wallonia'], // Baelen, bordering Eupen
    ['4950', 'wallonia'], // Waimes, bordering Bütgenbach
    ['4960', 'wallonia'], // Malmedy
    ['7700', 'wallonia'], // Mouscron
    ['8000', 'flanders'], // Brugge
    ['9000', 'flanders'], // Gent
  ])('%s → %s', (postcode, region) => {
    expect(regionOfPostcode(postcode, ON)).toBe(region);
  });

  it('maps every postcode of the bpost list to a region', () => {
    const unmapped = POSTCODES.filter((p) => regionOfPostcode(p, ON) === undefined);
    expect(unmapped).toEqual([]);
  });

  it('answers undefined for postcodes bpost does not know, whatever their range', () => {
    for (const p of ['1999', '0000', '4799', '12345', '10a0', '', 'abcd']) {
      expect(isKnownPostcode(p)).toBe(false);
      expect(regionOfPostcode(p, ON)).toBeUndefined();
    }
  });

  it('tolerates surrounding spaces', () => {
    expect(regionOfPostcode(' 4700 ', ON)).toBe('ostbelgien');
    expect(isKnownPostcode('1000 ')).toBe(true);
  });

  it('has no region before the rows take effect', () => {
    expect(regionOfPostcode('1000', '1999-12-31')).toBeUndefined();
  });

  it('lists the localities of a postcode', () => {
    expect(localitiesOfPostcode('4730').sort()).toEqual(['Hauset', 'Raeren']);
    expect(localitiesOfPostcode('1310')).toEqual(['La Hulpe']);
    expect(localitiesOfPostcode('1999')).toEqual([]);
  });
});

describe('against the municipalities of Statbel', () => {
  it('finds the nine German-speaking municipalities under their NIS codes', () => {
    expect(MUNICIPALITIES).toHaveLength(581);
    for (const { nisCode, name } of GERMAN_SPEAKING_MUNICIPALITIES) {
      const m = MUNICIPALITIES.find((x) => x.nisCode === nisCode);
      expect(m?.nameNl).toBe(name);
      expect(m?.provinceNl).toBe('Luik');
    }
  });

  it('agrees with the region of every municipality main postcode', () => {
    const german = new Set(GERMAN_SPEAKING_MUNICIPALITIES.map((m) => m.nisCode));
    const disagreements = MUNICIPALITIES.flatMap((m) => {
      const expected = german.has(m.nisCode) ? 'ostbelgien' : STATBEL_REGION[m.regionNl];
      const actual = regionOfPostcode(m.mainPostcode, ON);
      return expected !== undefined && actual === expected
        ? []
        : [`${m.nisCode} ${m.nameNl}: ${String(actual)}`];
    });
    expect(disagreements).toEqual([]);
  });

  it('keeps the German-speaking range free of other municipalities', () => {
    const inRange = MUNICIPALITIES.filter((m) => regionOfPostcode(m.mainPostcode, ON) === 'ostbelgien');
    expect(inRange.map((m) => m.nisCode).sort()).toEqual(
      GERMAN_SPEAKING_MUNICIPALITIES.map((m) => m.nisCode),
    );
  });
});
