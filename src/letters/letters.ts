import type { DossierRecord, LetterRecord } from '../dossier/model/record.js';
import type { Tx } from '../db/database.js';
import { type ActionRecord, type DecisionRecord } from '../dossier/model/lifecycle.js';
import { DECISION } from '../exchange/notification-texts.js';
import { decisionText } from '../exchange/notifications.js';
import { legalDate } from '../platform/clock.js';
import { newId, sha256 } from '../platform/ids.js';
import { isLanguage, type Language, type Translations } from '../contract/language.js';
import type { DataCategory } from '../contract/documents.js';
import { REGIONAL_AUTHORITIES } from '../rules/regions.js';
import { type Region } from '../contract/regions.js';
import { letterLanguages } from '../rules/languages.js';
import { renderLetter, type Block, type LetterLayout } from './letter-pdf.js';
import { CATEGORY_NAME, IMMIGRATION_OFFICE, LANGUAGE_NAME, LETTER } from './letter-texts.js';
import { PERMIT_TYPE_NAME, PROCEDURE_NAME, appealFor, fillText } from './letter-texts.js';
import type { PermitType } from '../rules/procedures.js';

/*
 * Decision letters (Art. 18, 20 §5, 24): every decision gets its PDF letters in the transaction
 * that records it, stored with the dossier. A negative decision has a full letter, with grounds
 * and appeal, for the person concerned and the deciding authority, and a notice stating only the
 * fact, for everyone else who may know of it. Which of them a caller may download is the gate's
 * decision (src/access/letters.ts), made from the categories stored with each letter.
 */

export const LETTER_VARIANTS = ['full', 'notice'] as const;
export type LetterVariant = (typeof LETTER_VARIANTS)[number];

export interface LetterEdition {
  language: Language;
  /** A copy in the dossier's language beside the authentic letter, marked as a translation. */
  courtesy: boolean;
}

/**
 * The letter is authentic in the language the law requires for the competent region (rules/
 * languages.ts): Dutch in Flanders, French in Wallonia, German in the German-speaking area, the
 * applicant's Dutch or French in Brussels. When the dossier is kept in another language, a copy in
 * that language follows, marked as a courtesy translation with no legal value.
 */
export function editionsOf(region: Region | null, dossierLanguage: string, on: string): LetterEdition[] {
  const language: Language = isLanguage(dossierLanguage) ? dossierLanguage : 'en';
  const { authentic, courtesy } = letterLanguages(region, language, on);
  return [
    ...authentic.map((l) => ({ language: l, courtesy: false })),
    ...(courtesy ? [{ language: courtesy, courtesy: true }] : []),
  ];
}

export const variantsOf = (d: DecisionRecord): LetterVariant[] =>
  d.negative ? ['full', 'notice'] : ['full'];

/** What a letter states, independent of its language. */
export interface LetterFacts {
  reference: string;
  procedure: DossierRecord['procedure'];
  category: DossierRecord['category'];
  /** The competent region, whose rules govern the appeal against a regional decision. */
  region: Region | null;
  decision: DecisionRecord;
  authority: Translations;
  applicant: { name: string; enterpriseNumber: string | undefined; enterpriseCategory: DataCategory };
  person: { name: string | undefined; birthDate: string | undefined };
}

const BCP47: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE', en: 'en' };

const formatEnterpriseNumber = (compact: string) =>
  /^\d{10}$/.test(compact) ? `${compact.slice(0, 4)}.${compact.slice(4, 7)}.${compact.slice(7)}` : compact;

/** British usage for English dates: "1 February 2027", as Belgian authorities write them. */
const DATE_LOCALE: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE', en: 'en-GB' };

const longDate = (language: Language, isoDate: string) =>
  new Intl.DateTimeFormat(DATE_LOCALE[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));

const same = (text: string): Translations => ({ nl: text, fr: text, de: text, en: text });

function authorityOf(record: DossierRecord, d: DecisionRecord, organisationName: string): Translations {
  if (d.relation === 'dvz') return IMMIGRATION_OFFICE;
  if (d.relation === 'competent_region' && record.region) return REGIONAL_AUTHORITIES[record.region].names;
  return same(organisationName);
}

export function factsOf(record: DossierRecord, d: DecisionRecord, organisationName: string): LetterFacts {
  const identity = record.sections.identity ?? {};
  const own = record.procedure === 'professional_card';
  const names = [identity.givenNames, identity.familyName].filter((n): n is string => Boolean(n));
  return {
    reference: record.reference,
    procedure: record.procedure,
    category: record.category,
    region: record.region,
    decision: d,
    authority: authorityOf(record, d, organisationName),
    // Name and number from the one verified source, the applicant organisation's registration:
    // a number typed in a section never pairs with another company's name.
    applicant: {
      name: record.applicantName,
      enterpriseNumber: record.applicantEnterpriseNumber ?? undefined,
      enterpriseCategory: own ? 'self_employed' : 'employment',
    },
    person: { name: names.length ? names.join(' ') : undefined, birthDate: identity.birthDate },
  };
}

/** The data categories a letter carries: what its reader must be allowed to read. */
export function categoriesOf(facts: LetterFacts, variant: LetterVariant): DataCategory[] {
  if (variant === 'notice') return ['admin'];
  const d = facts.decision;
  return [
    'admin',
    ...(facts.person.name || facts.person.birthDate ? (['identity'] as const) : []),
    ...(facts.applicant.enterpriseNumber ? [facts.applicant.enterpriseCategory] : []),
    ...(d.negative && d.grounds ? (['grounds'] as const) : []),
  ];
}

function validityOf(language: Language, d: DecisionRecord): string | undefined {
  const from = d.validFrom && longDate(language, d.validFrom);
  const until = d.validUntil && longDate(language, d.validUntil);
  if (from && until) return fillText(LETTER.validityFromUntil[language], { from, until });
  if (from) return fillText(LETTER.validityFrom[language], { from });
  if (until) return fillText(LETTER.validityUntil[language], { until });
  return undefined;
}

/** "Courtesy translation — only the Dutch version is authentic" (or the Dutch and French ones). */
function courtesyBanner(l: Language, authentic: readonly Language[]): string {
  const [first = 'en', second] = authentic;
  return second
    ? fillText(LETTER.courtesyTwo[l], { first: LANGUAGE_NAME[first][l], second: LANGUAGE_NAME[second][l] })
    : fillText(LETTER.courtesy[l], { language: LANGUAGE_NAME[first][l] });
}

const isPermitType = (v: string | undefined): v is PermitType => v !== undefined && v in PERMIT_TYPE_NAME;

/** The letter as blocks of text in one language; `authentic` names the language that counts. */
export function layoutOf(
  facts: LetterFacts,
  variant: LetterVariant,
  edition: LetterEdition,
  authentic: readonly Language[],
): LetterLayout {
  const l = edition.language;
  const d = facts.decision;
  const date = longDate(l, legalDate(d.decidedAt));
  const title = fillText(variant === 'full' ? LETTER.titleFull[l] : LETTER.titleNotice[l], {
    reference: facts.reference,
  });
  const field = (label: keyof typeof LETTER, value: string): Block => ({
    kind: 'field',
    label: LETTER[label][l],
    value,
  });
  const applicant =
    variant === 'full' && facts.applicant.enterpriseNumber
      ? `${facts.applicant.name}, ${fillText(LETTER.enterpriseNumber[l], {
          number: formatEnterpriseNumber(facts.applicant.enterpriseNumber),
        })}`
      : facts.applicant.name;
  const blocks: Block[] = [
    ...(edition.courtesy
      ? [
          {
            kind: 'banner' as const,
            text: courtesyBanner(l, authentic),
          },
        ]
      : []),
    { kind: 'title', text: title },
    field('reference', facts.reference),
    field('decisionDate', date),
    field('authority', facts.authority[l]),
    field('procedure', PROCEDURE_NAME[facts.procedure][l]),
    field('category', CATEGORY_NAME[facts.category][l]),
    { kind: 'heading', text: LETTER.parties[l] },
    field('applicant', applicant),
  ];
  if (variant === 'notice') {
    blocks.push(
      { kind: 'heading', text: LETTER.decision[l] },
      { kind: 'paragraph', text: fillText(LETTER.noticeBody[l], { date, reference: facts.reference }) },
      { kind: 'paragraph', text: LETTER.noticeArt24[l] },
    );
  } else {
    const person = [
      facts.person.name,
      facts.person.birthDate && fillText(LETTER.bornOn[l], { date: longDate(l, facts.person.birthDate) }),
    ].filter((p): p is string => Boolean(p));
    if (person.length) blocks.push(field('personConcerned', person.join(', ')));
    blocks.push(
      { kind: 'heading', text: LETTER.decision[l] },
      { kind: 'paragraph', text: DECISION[decisionText(d)][l] },
      field('legalBasis', fillText(LETTER.legalBasisText[l], { article: d.legalBasis })),
    );
    if (!d.negative) {
      const validity = validityOf(l, d);
      if (validity) blocks.push(field('validity', validity));
      if (isPermitType(d.permitType)) blocks.push(field('permitType', PERMIT_TYPE_NAME[d.permitType][l]));
    } else {
      if (d.grounds)
        blocks.push({ kind: 'heading', text: LETTER.grounds[l] }, { kind: 'paragraph', text: d.grounds });
      const by = d.relation === 'dvz' ? 'dvz' : facts.region;
      const appeal = by ? appealFor(by, legalDate(d.decidedAt)) : undefined;
      blocks.push(
        { kind: 'heading', text: LETTER.appeal[l] },
        { kind: 'paragraph', text: appeal ? appeal.text[l] : LETTER.appealUnknown[l] },
      );
    }
  }
  return {
    lang: BCP47[l],
    title,
    subject: PROCEDURE_NAME[facts.procedure][l],
    author: facts.authority[l],
    header: [LETTER.platform[l], facts.authority[l]],
    blocks,
    footer: `${facts.reference} — ${LETTER.footer[l]}`,
    pageOf: LETTER.page[l],
    date: d.decidedAt,
  };
}

/**
 * Writes the letters of the decision an action records, in the action's transaction: every
 * variant in every edition, with its bytes, their hash and the categories they carry.
 */
export async function recordLetters(
  tx: Tx,
  record: DossierRecord,
  action: ActionRecord,
): Promise<LetterRecord[]> {
  const decision = record.lifecycle.decisions.find((d) => d.id === action.id);
  if (!decision) return [];
  const stored: LetterRecord[] = [];
  const organisation = await tx
    .selectFrom('organisation')
    .select('name')
    .where('id', '=', decision.organisationId)
    .executeTakeFirstOrThrow();
  const facts = factsOf(record, decision, organisation.name);
  const editions = editionsOf(record.region, record.language, legalDate(decision.decidedAt));
  const authentic = editions.filter((e) => !e.courtesy).map((e) => e.language);
  for (const variant of variantsOf(decision)) {
    const categories = categoriesOf(facts, variant);
    for (const edition of editions) {
      const content = Buffer.from(await renderLetter(layoutOf(facts, variant, edition, authentic)));
      await tx
        .insertInto('decision_letter')
        .values({
          id: newId(),
          dossier_id: record.id,
          action_id: action.id,
          variant,
          language: edition.language,
          courtesy: edition.courtesy,
          categories,
          content,
          size_bytes: content.length,
          sha256: sha256(content),
          created_at: action.at,
        })
        .execute();
      stored.push({ decisionId: action.id, variant, ...edition, categories });
    }
  }
  return stored;
}
