import { describe, expect, it } from 'vitest';
import { citationIn } from './legal-citations.js';
import { LANGUAGES } from './language.js';
import { DEADLINE_RULES } from '../rules/deadlines.js';
import { FEE_RULES } from '../rules/fees.js';
import { REQUIRED_DOCUMENT_RULES } from '../rules/required-documents.js';
import { CATEGORY_RULES } from '../rules/procedures.js';
import { POSTCODE_REGION_RULES, REGIONAL_AUTHORITIES } from '../rules/regions.js';

/** Every citation a person may be shown: the rows of the tables the portal and the API show. */
const SHOWN = [
  ...new Set([
    ...[
      ...DEADLINE_RULES,
      ...FEE_RULES,
      ...REQUIRED_DOCUMENT_RULES,
      ...CATEGORY_RULES,
      ...POSTCODE_REGION_RULES,
    ].map((r) => r.legalSource),
    ...Object.values(REGIONAL_AUTHORITIES).map((a) => a.legalSource),
  ]),
];

/** English words a citation is made of ("of" is Dutch too, "province" and "directive" French). */
const ENGLISH_WORDS = [
  'and',
  'the',
  'law',
  'Law',
  'decree',
  'ordinance',
  'Directive',
  'directive',
  'first',
  'second',
  'para',
  'province',
  'provinces',
  'days',
  'months',
  'fee',
  'regional',
  'applied',
  'named',
  'recast',
  'based',
  'agreement',
  'contract',
  'permit',
  'State',
  'CA',
];
const SHARED: Record<'nl' | 'fr' | 'de', string[]> = {
  nl: [],
  fr: ['province', 'provinces', 'directive', 'Directive'],
  de: [],
};
const englishLeft = (language: 'nl' | 'fr' | 'de') =>
  new RegExp(`\\b(${ENGLISH_WORDS.filter((w) => !SHARED[language].includes(w)).join('|')})\\b`);

describe('the legal sources shown to people', () => {
  it('are citations, never the operators’ notes on configured values', () => {
    for (const source of SHOWN) expect(source).not.toMatch(/configured|to confirm|assumption|CONFIGURED/i);
  });

  it('read in Dutch, French and German without an English word left', () => {
    for (const language of ['nl', 'fr', 'de'] as const) {
      for (const source of SHOWN) {
        const shown = citationIn(source, language);
        expect.soft(shown, `${language}: ${source}`).not.toMatch(englishLeft(language));
      }
    }
  });

  it('keep the article numbers and write dates the way each language does', () => {
    const source = 'Art. 15 1° CA 31.01.2025; law of 15 December 1980 (medical certificate)';
    expect(citationIn(source, 'nl')).toBe(
      'art. 15 1° samenwerkingsakkoord 31.01.2025; wet van 15 december 1980 (medisch attest)',
    );
    expect(citationIn(source, 'fr')).toBe(
      'art. 15 1° accord de coopération 31.01.2025; loi du 15 décembre 1980 (certificat médical)',
    );
    expect(citationIn(source, 'de')).toBe(
      'Art. 15 1° Kooperationsabkommen 31.01.2025; Gesetz vom 15. Dezember 1980 (ärztliches Attest)',
    );
    expect(citationIn(source, 'en')).toBe(source);
    for (const language of LANGUAGES)
      expect(citationIn('Directive (EU) 2016/801 Art. 29', language)).toContain('2016/801');
  });
});
