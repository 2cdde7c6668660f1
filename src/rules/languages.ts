import type { Language } from '../contract/language.js';
import type { Region } from '../contract/regions.js';
import { AGREEMENT_SIGNED, effectiveAt, type RuleRow } from './effective.js';

/*
 * The language a decision letter is authentic in. The cooperation agreement lets the platform
 * offer information in another language (Art. 20 §3), but "on the basis of the language legislation
 * the national languages always come first" (parliamentary report on the approval law, Chamber,
 * January 2026): an act of an authority is drawn up in the language of the language area it serves.
 * The dossier's own language, when it differs, gets a courtesy copy with no legal value.
 *
 * One row per competent region. Brussels is bilingual: the applicant's choice between Dutch and
 * French counts, read from the dossier's language when it is one of the two; a dossier kept in
 * English or German made no such choice, so its letter is authentic in both (the letter is whole in
 * each, and either may be relied on) — the platform does not pick one for the applicant.
 */

export interface LetterLanguageRule extends RuleRow {
  region: Region;
  /** The languages an authority of the region may issue its acts in. */
  official: readonly Language[];
}

const LANGUAGE_LAWS =
  'Coordinated laws of 18 July 1966 on the use of languages in administrative matters; special law of 8 August 1980 and ordinary law of 9 August 1980 (regions and communities)';

export const LETTER_LANGUAGE_RULES: readonly LetterLanguageRule[] = [
  {
    region: 'flanders',
    official: ['nl'],
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: `${LANGUAGE_LAWS}; Dutch language area (Art. 4 Constitution)`,
  },
  {
    region: 'wallonia',
    official: ['fr'],
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: `${LANGUAGE_LAWS}; French language area (Art. 4 Constitution)`,
  },
  {
    region: 'brussels',
    official: ['nl', 'fr'],
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: `${LANGUAGE_LAWS}; bilingual Brussels-Capital area: Dutch or French, as the private person uses`,
  },
  {
    region: 'ostbelgien',
    official: ['de'],
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: `${LANGUAGE_LAWS}; German language area (Art. 4 Constitution; Art. 9 §7 CA 31.01.2025)`,
  },
];

export interface LetterLanguages {
  /** The languages the letter is authentic in, the dossier's first when it is one of them. */
  authentic: Language[];
  /** The dossier's language when it is not authentic: a copy marked as a courtesy translation. */
  courtesy: Language | undefined;
}

/**
 * The letter's languages for a dossier of a competent region in its language, on a legal date.
 * Without a region (nothing decided yet names one) the dossier's language stands alone, as it did
 * before this rule: there is no language area to follow.
 */
export function letterLanguages(
  region: Region | null,
  dossierLanguage: Language,
  on: string,
): LetterLanguages {
  const row = region ? effectiveAt(LETTER_LANGUAGE_RULES, on).find((r) => r.region === region) : undefined;
  if (!row) return { authentic: [dossierLanguage], courtesy: undefined };
  if (row.official.includes(dossierLanguage)) return { authentic: [dossierLanguage], courtesy: undefined };
  return { authentic: [...row.official], courtesy: dossierLanguage };
}
