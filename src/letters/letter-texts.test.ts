import { describe, expect, it } from 'vitest';
import { DECISION, LETTER_AVAILABLE } from '../exchange/notification-texts.js';
import { LANGUAGES, type Translations } from '../contract/language.js';
import { overlappingRows } from '../rules/effective.js';
import { CATEGORIES, PROCEDURES } from '../contract/procedures.js';
import { PERMIT_TYPES } from '../rules/procedures.js';
import { REGIONS } from '../contract/regions.js';
import { renderLetter } from './letter-pdf.js';
import {
  APPEAL_ROWS,
  CATEGORY_NAME,
  IMMIGRATION_OFFICE,
  LANGUAGE_NAME,
  LETTER,
  PERMIT_TYPE_NAME,
  PROCEDURE_NAME,
  appealFor,
} from './letter-texts.js';

const DICTIONARIES: Record<string, Record<string, Translations>> = {
  LETTER,
  LANGUAGE_NAME,
  PROCEDURE_NAME,
  CATEGORY_NAME,
  PERMIT_TYPE_NAME,
  DECISION,
  LETTER_AVAILABLE,
  APPEAL: Object.fromEntries(APPEAL_ROWS.map((r) => [r.authority, r.text])),
  AUTHORITY: { dvz: IMMIGRATION_OFFICE },
};

describe('the letter texts', () => {
  it('have every key in nl, fr, de and en, none empty', () => {
    const gaps: string[] = [];
    for (const [name, dictionary] of Object.entries(DICTIONARIES)) {
      for (const [key, entry] of Object.entries(dictionary)) {
        for (const language of LANGUAGES) {
          if (typeof entry[language] !== 'string' || entry[language].trim().length === 0)
            gaps.push(`${name}.${key}.${language}`);
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  it('name every procedure, category and permit type the rules know', () => {
    expect(Object.keys(PROCEDURE_NAME).sort()).toEqual([...PROCEDURES].sort());
    expect(Object.keys(CATEGORY_NAME).sort()).toEqual([...CATEGORIES].sort());
    expect(Object.keys(PERMIT_TYPE_NAME).sort()).toEqual([...PERMIT_TYPES].sort());
  });

  it('translate sentences, not just copy them: the long texts differ between languages', () => {
    for (const key of ['titleFull', 'noticeBody', 'noticeArt24', 'courtesy', 'appealUnknown'] as const) {
      expect(new Set(LANGUAGES.map((l) => LETTER[key][l])).size).toBe(4);
    }
  });
});

describe('the appeal table', () => {
  it('has one row in force per deciding authority, each with a legal source', () => {
    expect(overlappingRows(APPEAL_ROWS, (r) => r.authority)).toEqual([]);
    for (const authority of [...REGIONS, 'dvz'] as const) {
      const row = appealFor(authority, '2026-11-23');
      expect(row?.legalSource.length).toBeGreaterThan(10);
    }
  });

  it('sends residence decisions to the Council for Alien Law Litigation within 30 days, as the law fixes', () => {
    const row = appealFor('dvz', '2026-11-23');
    expect(row?.configured).toBe(false);
    expect(row?.legalSource).toContain('39/57');
    expect(row?.text.nl).toContain('Raad voor Vreemdelingenbetwistingen');
    expect(row?.text.fr).toContain('Conseil du contentieux des étrangers');
    expect(row?.text.en).toContain('30 days');
  });

  it('marks the regional rows as configured: the agreement does not fix them', () => {
    for (const region of REGIONS) {
      const row = appealFor(region, '2026-11-23');
      expect(row?.configured).toBe(true);
      expect(row?.legalSource).toContain('configured');
      expect(row?.text.en).toContain('Council of State');
    }
  });
});

describe('the PDF of a letter', () => {
  it('is the same bytes for the same letter: dates come from the decision, not the clock', async () => {
    const layout = {
      lang: 'nl-BE',
      title: 'Beslissing over aanvraag SW-2026-000001',
      subject: 'test',
      author: 'test',
      header: ['Working in Belgium', 'Test'],
      blocks: [{ kind: 'paragraph' as const, text: 'Łukasz Őrs Шевченко' }],
      footer: 'footer',
      pageOf: '{page}/{pages}',
      date: new Date('2026-11-23T09:00:00Z'),
    };
    const a = Buffer.from(await renderLetter(layout));
    // The parsed font is shared between documents: another letter in between changes nothing.
    await renderLetter({ ...layout, blocks: [{ kind: 'paragraph', text: 'ÿ ğ ž ﬁ ffl Ω' }] });
    const b = Buffer.from(await renderLetter(layout));
    expect(a.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(a.equals(b)).toBe(true);
    const other = Buffer.from(await renderLetter({ ...layout, date: new Date('2026-11-24T09:00:00Z') }));
    expect(other.equals(a)).toBe(false);
  });
});
