import { describe, expect, it } from 'vitest';
import { SHOWN_STATES, RELATIONS } from '../../../src/contract/states';
import { ACTIONS } from '../../../src/contract/actions';
import { ORGANISATION_KINDS } from '../../../src/contract/organisations';
import { DATA_CATEGORIES, DOCUMENT_TYPES } from '../../../src/contract/documents';
import { CATEGORIES, PROCEDURES } from '../../../src/contract/procedures';
import { REGIONS } from '../../../src/contract/regions';
import { SECTION_FIELDS, hintKey, labelKey } from '../lib/sections';
import type { SectionName } from '../../../src/contract/sections';
import { DICTIONARIES, LANGUAGES, initialLanguage, translate } from './index';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const english = DICTIONARIES.en;
const keys = Object.keys(english);

describe('the four dictionaries', () => {
  for (const lang of LANGUAGES) {
    it(`${lang} has every key of the English one, no other, none empty, same placeholders`, () => {
      const dictionary = DICTIONARIES[lang] as Record<string, string>;
      expect(Object.keys(dictionary).filter((k) => !(k in english))).toEqual([]);
      expect(keys.filter((k) => !(k in dictionary))).toEqual([]);
      expect(keys.filter((k) => (dictionary[k] ?? '').trim() === '')).toEqual([]);
      const mismatched = keys.filter(
        (k) =>
          placeholders(dictionary[k] ?? '').join() !==
          placeholders(english[k as keyof typeof english]).join(),
      );
      expect(mismatched).toEqual([]);
    });
  }

  it('are translations, not copies: most texts differ from English', () => {
    for (const lang of ['nl', 'fr', 'de'] as const) {
      const same = keys.filter(
        (k) => DICTIONARIES[lang][k as keyof typeof english] === english[k as keyof typeof english],
      );
      // Names, codes and format examples may stay the same; whole sentences may not.
      expect(
        same.filter((k) => english[k as keyof typeof english].split(' ').length > 3),
        lang,
      ).toEqual([]);
    }
  });

  it('name every value the API can send: states, procedures, categories, documents, relations, actions', () => {
    const wanted = [
      ...SHOWN_STATES.flatMap((s) => [`state.${s}`, `stateHelp.${s}`]),
      ...PROCEDURES.map((p) => `procedure.${p}`),
      ...CATEGORIES.flatMap((c) => [`category.${c}`, `why.${c}`]),
      ...DOCUMENT_TYPES.flatMap((d) => [`doc.${d}`, `docHelp.${d}`]),
      ...RELATIONS.map((r) => `relation.${r}`),
      ...ACTIONS.map((a) => `action.${a}`),
      ...ORGANISATION_KINDS.map((k) => `orgKind.${k}`),
      ...DATA_CATEGORIES.map((c) => `dataCat.${c}`),
      ...REGIONS.map((r) => `region.${r}`),
    ];
    expect(wanted.filter((k) => !(k in english))).toEqual([]);
  });

  it('label every field of every form section, and every hint the form shows', () => {
    const wanted = (Object.keys(SECTION_FIELDS) as SectionName[]).flatMap((section) =>
      SECTION_FIELDS[section].flatMap((spec) => {
        const hint = hintKey(section, spec);
        return [labelKey(section, spec), ...(hint ? [hint] : []), ...(spec.group ? [spec.group] : [])];
      }),
    );
    expect(wanted.filter((k) => !(k in english))).toEqual([]);
  });
});

describe('language choice', () => {
  it('follows the remembered choice, else the browser preferences in order, else English', () => {
    expect(initialLanguage('de', ['fr-BE', 'nl'])).toBe('de');
    expect(initialLanguage(null, ['es-ES', 'fr-BE', 'nl'])).toBe('fr');
    expect(initialLanguage('xx', ['NL-be'])).toBe('nl');
    expect(initialLanguage(null, ['es', 'it'])).toBe('en');
  });

  it('fills placeholders', () => {
    expect(translate('fr', 'dossier.title', { reference: 'SW-2026-000001' })).toBe('Dossier SW-2026-000001');
  });
});
