import { describe, expect, it } from 'vitest';
import { overlappingRows } from './effective.js';
import { LETTER_LANGUAGE_RULES, letterLanguages } from './languages.js';
import { REGIONS } from '../contract/regions.js';

const ON = '2026-12-02';

describe('the language a decision letter is authentic in', () => {
  it('has one row in force per region, each with its source', () => {
    expect(overlappingRows(LETTER_LANGUAGE_RULES, (r) => r.region)).toEqual([]);
    for (const region of REGIONS) {
      expect(LETTER_LANGUAGE_RULES.filter((r) => r.region === region && r.effectiveFrom <= ON)).toHaveLength(
        1,
      );
    }
    for (const row of LETTER_LANGUAGE_RULES) expect(row.legalSource).toContain('18 July 1966');
  });

  it('is Dutch in Flanders, with a courtesy copy in the dossier’s other language', () => {
    expect(letterLanguages('flanders', 'en', ON)).toEqual({ authentic: ['nl'], courtesy: 'en' });
    expect(letterLanguages('flanders', 'fr', ON)).toEqual({ authentic: ['nl'], courtesy: 'fr' });
    expect(letterLanguages('flanders', 'nl', ON)).toEqual({ authentic: ['nl'], courtesy: undefined });
  });

  it('is French in Wallonia and German in the German-speaking area', () => {
    expect(letterLanguages('wallonia', 'fr', ON)).toEqual({ authentic: ['fr'], courtesy: undefined });
    expect(letterLanguages('wallonia', 'de', ON)).toEqual({ authentic: ['fr'], courtesy: 'de' });
    expect(letterLanguages('ostbelgien', 'de', ON)).toEqual({ authentic: ['de'], courtesy: undefined });
    expect(letterLanguages('ostbelgien', 'fr', ON)).toEqual({ authentic: ['de'], courtesy: 'fr' });
  });

  it('is the applicant’s choice of Dutch or French in Brussels, both when no choice was made', () => {
    expect(letterLanguages('brussels', 'nl', ON)).toEqual({ authentic: ['nl'], courtesy: undefined });
    expect(letterLanguages('brussels', 'fr', ON)).toEqual({ authentic: ['fr'], courtesy: undefined });
    expect(letterLanguages('brussels', 'en', ON)).toEqual({ authentic: ['nl', 'fr'], courtesy: 'en' });
    expect(letterLanguages('brussels', 'de', ON)).toEqual({ authentic: ['nl', 'fr'], courtesy: 'de' });
  });

  it('follows the dossier’s language while no region is competent', () => {
    expect(letterLanguages(null, 'en', ON)).toEqual({ authentic: ['en'], courtesy: undefined });
  });
});
