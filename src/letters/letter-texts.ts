import type { Language, Translations } from '../contract/language.js';
import { AGREEMENT_SIGNED, effectiveAt, type RuleRow } from '../rules/effective.js';
import type { Category, Procedure } from '../contract/procedures.js';
import type { PermitType } from '../rules/procedures.js';
import type { Region } from '../contract/regions.js';

/*
 * Every word of the decision letters, in the three national languages and English. One module so
 * a translator works in one place and a test can check that no key is missing in any language.
 * The outcome sentences are shared with the messages (`DECISION` in notification-texts.ts), so
 * the letter and the e-mail about it say the same thing in the same words.
 */

export type LetterText =
  | 'platform'
  | 'titleFull'
  | 'titleNotice'
  | 'reference'
  | 'decisionDate'
  | 'authority'
  | 'parties'
  | 'applicant'
  | 'enterpriseNumber'
  | 'personConcerned'
  | 'bornOn'
  | 'procedure'
  | 'category'
  | 'legalBasis'
  | 'legalBasisText'
  | 'decision'
  | 'validity'
  | 'validityFromUntil'
  | 'validityFrom'
  | 'validityUntil'
  | 'permitType'
  | 'grounds'
  | 'appeal'
  | 'appealUnknown'
  | 'noticeBody'
  | 'noticeArt24'
  | 'courtesy'
  | 'courtesyTwo'
  | 'page'
  | 'footer';

export const LETTER: Record<LetterText, Translations> = {
  platform: {
    nl: 'Working in Belgium — één loket voor de tewerkstelling van buitenlandse werknemers',
    fr: 'Working in Belgium — guichet unique pour l’occupation des travailleurs étrangers',
    de: 'Working in Belgium — einheitlicher Schalter für die Beschäftigung ausländischer Arbeitnehmer',
    en: 'Working in Belgium — single window for the employment of foreign workers',
  },
  titleFull: {
    nl: 'Beslissing over aanvraag {reference}',
    fr: 'Décision concernant la demande {reference}',
    de: 'Entscheidung über den Antrag {reference}',
    en: 'Decision on application {reference}',
  },
  titleNotice: {
    nl: 'Kennisgeving van een negatieve beslissing over aanvraag {reference}',
    fr: 'Avis d’une décision négative concernant la demande {reference}',
    de: 'Mitteilung einer ablehnenden Entscheidung zum Antrag {reference}',
    en: 'Notice of a negative decision on application {reference}',
  },
  reference: { nl: 'Referentie', fr: 'Référence', de: 'Aktenzeichen', en: 'Reference' },
  decisionDate: {
    nl: 'Datum van de beslissing',
    fr: 'Date de la décision',
    de: 'Datum der Entscheidung',
    en: 'Date of decision',
  },
  authority: {
    nl: 'Beslissende overheid',
    fr: 'Autorité qui décide',
    de: 'Entscheidende Behörde',
    en: 'Deciding authority',
  },
  parties: { nl: 'Partijen', fr: 'Parties', de: 'Beteiligte', en: 'Parties' },
  applicant: { nl: 'Aanvrager', fr: 'Demandeur', de: 'Antragsteller', en: 'Applicant' },
  enterpriseNumber: {
    nl: 'ondernemingsnummer {number}',
    fr: 'numéro d’entreprise {number}',
    de: 'Unternehmensnummer {number}',
    en: 'enterprise number {number}',
  },
  personConcerned: {
    nl: 'Betrokkene',
    fr: 'Personne concernée',
    de: 'Betroffene Person',
    en: 'Person concerned',
  },
  bornOn: { nl: 'geboren op {date}', fr: 'né(e) le {date}', de: 'geboren am {date}', en: 'born on {date}' },
  procedure: { nl: 'Procedure', fr: 'Procédure', de: 'Verfahren', en: 'Procedure' },
  category: { nl: 'Categorie', fr: 'Catégorie', de: 'Kategorie', en: 'Category' },
  legalBasis: { nl: 'Rechtsgrond', fr: 'Base légale', de: 'Rechtsgrundlage', en: 'Legal basis' },
  legalBasisText: {
    nl: 'Samenwerkingsakkoord van 31 januari 2025, {article}',
    fr: 'Accord de coopération du 31 janvier 2025, {article}',
    de: 'Kooperationsabkommen vom 31. Januar 2025, {article}',
    en: 'Cooperation agreement of 31 January 2025, {article}',
  },
  decision: { nl: 'Beslissing', fr: 'Décision', de: 'Entscheidung', en: 'Decision' },
  validity: { nl: 'Geldigheid', fr: 'Validité', de: 'Gültigkeit', en: 'Validity' },
  validityFromUntil: {
    nl: 'van {from} tot en met {until}',
    fr: 'du {from} au {until} inclus',
    de: 'vom {from} bis einschließlich {until}',
    en: 'from {from} to {until} inclusive',
  },
  validityFrom: { nl: 'vanaf {from}', fr: 'à partir du {from}', de: 'ab dem {from}', en: 'from {from}' },
  validityUntil: {
    nl: 'tot en met {until}',
    fr: 'jusqu’au {until} inclus',
    de: 'bis einschließlich {until}',
    en: 'until {until} inclusive',
  },
  permitType: {
    nl: 'Soort vergunning',
    fr: 'Type d’autorisation',
    de: 'Art der Erlaubnis',
    en: 'Permit type',
  },
  grounds: { nl: 'Motivering', fr: 'Motifs', de: 'Begründung', en: 'Grounds' },
  appeal: { nl: 'Beroep', fr: 'Recours', de: 'Rechtsbehelf', en: 'Appeal' },
  appealUnknown: {
    nl: 'U kunt beroep instellen volgens de regelgeving van de overheid die besliste; de termijn loopt vanaf de kennisgeving van deze beslissing. De hierboven vermelde overheid deelt u mee waar u het indient.',
    fr: 'Vous pouvez introduire un recours selon la réglementation de l’autorité qui a décidé ; le délai court à partir de la notification de la présente décision. L’autorité mentionnée ci-dessus vous indique où l’introduire.',
    de: 'Sie können nach den Vorschriften der Behörde, die entschieden hat, einen Rechtsbehelf einlegen; die Frist läuft ab der Zustellung dieser Entscheidung. Die oben genannte Behörde teilt Ihnen mit, wo Sie ihn einreichen.',
    en: 'You may appeal under the rules of the authority that decided; the time limit runs from the notification of this decision. The authority named above tells you where to lodge the appeal.',
  },
  noticeBody: {
    nl: 'Op {date} werd over aanvraag {reference} een negatieve beslissing genomen.',
    fr: 'Une décision négative a été prise le {date} concernant la demande {reference}.',
    de: 'Am {date} wurde zum Antrag {reference} eine ablehnende Entscheidung getroffen.',
    en: 'A negative decision was taken on application {reference} on {date}.',
  },
  noticeArt24: {
    nl: 'Zoals het samenwerkingsakkoord van 31 januari 2025 bepaalt (art. 24), wordt de volledige beslissing, met haar motivering, enkel aan de betrokkene betekend. Deze kennisgeving vermeldt daarom alleen dat de beslissing werd genomen.',
    fr: 'Comme le prévoit l’accord de coopération du 31 janvier 2025 (art. 24), la décision complète et ses motifs sont notifiés uniquement à la personne concernée. Le présent avis indique donc seulement que la décision a été prise.',
    de: 'Wie im Kooperationsabkommen vom 31. Januar 2025 vorgesehen (Art. 24), wird die vollständige Entscheidung mit ihrer Begründung nur der betroffenen Person zugestellt. Diese Mitteilung gibt daher nur an, dass die Entscheidung getroffen wurde.',
    en: 'As the cooperation agreement of 31 January 2025 provides (Art. 24), the full decision and its grounds are notified only to the person concerned. This notice therefore states only that the decision was taken.',
  },
  courtesy: {
    nl: 'Vertaling ter informatie, zonder rechtskracht — alleen de versie in het {language} is authentiek',
    fr: 'Traduction de courtoisie, sans valeur juridique — seule la version en {language} fait foi',
    de: 'Höflichkeitsübersetzung ohne Rechtswirkung — verbindlich ist nur die Fassung in {language} Sprache',
    en: 'Courtesy translation with no legal value — only the {language} version is authentic',
  },
  courtesyTwo: {
    nl: 'Vertaling ter informatie, zonder rechtskracht — alleen de versies in het {first} en het {second} zijn authentiek',
    fr: 'Traduction de courtoisie, sans valeur juridique — seules les versions en {first} et en {second} font foi',
    de: 'Höflichkeitsübersetzung ohne Rechtswirkung — verbindlich sind nur die Fassungen in {first} und {second} Sprache',
    en: 'Courtesy translation with no legal value — only the {first} and {second} versions are authentic',
  },
  page: {
    nl: 'Pagina {page} van {pages}',
    fr: 'Page {page} sur {pages}',
    de: 'Seite {page} von {pages}',
    en: 'Page {page} of {pages}',
  },
  footer: {
    nl: 'Opgemaakt op het platform Working in Belgium op de datum van de beslissing.',
    fr: 'Établi sur la plateforme Working in Belgium à la date de la décision.',
    de: 'Erstellt auf der Plattform Working in Belgium am Tag der Entscheidung.',
    en: 'Drawn up on the Working in Belgium platform on the date of the decision.',
  },
};

/** The name of each language in each language, for the courtesy marking ("the Dutch version"). */
export const LANGUAGE_NAME: Record<Language, Translations> = {
  nl: { nl: 'Nederlands', fr: 'néerlandais', de: 'niederländischer', en: 'Dutch' },
  fr: { nl: 'Frans', fr: 'français', de: 'französischer', en: 'French' },
  de: { nl: 'Duits', fr: 'allemand', de: 'deutscher', en: 'German' },
  en: { nl: 'Engels', fr: 'anglais', de: 'englischer', en: 'English' },
};

/** The Immigration Office, which decides on residence (Art. 9 §3); the regions are in rules/regions.ts. */
export const IMMIGRATION_OFFICE: Translations = {
  nl: 'Dienst Vreemdelingenzaken (FOD Binnenlandse Zaken)',
  fr: 'Office des étrangers (SPF Intérieur)',
  de: 'Ausländeramt (FÖD Inneres)',
  en: 'Immigration Office (FPS Home Affairs)',
};

export const PROCEDURE_NAME: Record<Procedure, Translations> = {
  single_permit: {
    nl: 'Gecombineerde vergunning (verblijf en arbeid, meer dan 90 dagen)',
    fr: 'Permis unique (séjour et travail, plus de 90 jours)',
    de: 'Kombinierte Erlaubnis (Aufenthalt und Arbeit, mehr als 90 Tage)',
    en: 'Single permit (residence and work, more than 90 days)',
  },
  work_permit: {
    nl: 'Toelating tot arbeid en arbeidskaart',
    fr: 'Autorisation d’occupation et permis de travail',
    de: 'Beschäftigungserlaubnis und Arbeitserlaubnis',
    en: 'Work authorisation and work permit',
  },
  professional_card: {
    nl: 'Beroepskaart (zelfstandige activiteit)',
    fr: 'Carte professionnelle (activité indépendante)',
    de: 'Berufskarte (selbstständige Tätigkeit)',
    en: 'Professional card (self-employed activity)',
  },
};

export const CATEGORY_NAME: Record<Category, Translations> = {
  single_permit: {
    nl: 'Gecombineerde vergunning',
    fr: 'Permis unique',
    de: 'Kombinierte Erlaubnis',
    en: 'Single permit',
  },
  eu_blue_card: {
    nl: 'Europese blauwe kaart',
    fr: 'Carte bleue européenne',
    de: 'Blaue Karte EU',
    en: 'EU Blue Card',
  },
  seasonal_worker: {
    nl: 'Seizoenarbeider',
    fr: 'Travailleur saisonnier',
    de: 'Saisonarbeitnehmer',
    en: 'Seasonal worker',
  },
  intra_corporate_transferee: {
    nl: 'Binnen een onderneming overgeplaatste werknemer (ICT)',
    fr: 'Travailleur faisant l’objet d’un transfert temporaire intragroupe (ICT)',
    de: 'Unternehmensintern transferierter Arbeitnehmer (ICT)',
    en: 'Intra-corporate transferee (ICT)',
  },
  researcher: { nl: 'Onderzoeker', fr: 'Chercheur', de: 'Forscher', en: 'Researcher' },
  trainee: { nl: 'Stagiair', fr: 'Stagiaire', de: 'Praktikant', en: 'Trainee' },
  volunteer: {
    nl: 'Vrijwilliger (Europees vrijwilligerswerk)',
    fr: 'Volontaire (service volontaire européen)',
    de: 'Freiwilliger (Europäischer Freiwilligendienst)',
    en: 'Volunteer (European Voluntary Service)',
  },
  other_eu_directive: {
    nl: 'Andere vergunning op grond van een Europese richtlijn',
    fr: 'Autre autorisation fondée sur une directive européenne',
    de: 'Andere Erlaubnis aufgrund einer EU-Richtlinie',
    en: 'Other permit under an EU directive',
  },
  work_permit: { nl: 'Arbeidskaart', fr: 'Permis de travail', de: 'Arbeitserlaubnis', en: 'Work permit' },
  professional_card: {
    nl: 'Beroepskaart',
    fr: 'Carte professionnelle',
    de: 'Berufskarte',
    en: 'Professional card',
  },
};

export const PERMIT_TYPE_NAME: Record<PermitType, Translations> = {
  single_permit: CATEGORY_NAME.single_permit,
  eu_blue_card: CATEGORY_NAME.eu_blue_card,
  seasonal_work_permit: {
    nl: 'Vergunning voor seizoenarbeid',
    fr: 'Permis de travail saisonnier',
    de: 'Erlaubnis zur Saisonarbeit',
    en: 'Seasonal work permit',
  },
  ict_permit: {
    nl: 'ICT-vergunning',
    fr: 'Permis pour personne faisant l’objet d’un transfert intragroupe',
    de: 'ICT-Karte',
    en: 'ICT permit',
  },
  ict_long_term_mobility_permit: {
    nl: 'ICT-vergunning voor mobiliteit op lange termijn',
    fr: 'Permis ICT pour la mobilité de longue durée',
    de: 'ICT-Karte für langfristige Mobilität',
    en: 'ICT permit for long-term mobility',
  },
  researcher_permit: {
    nl: 'Vergunning voor onderzoeker',
    fr: 'Autorisation de chercheur',
    de: 'Erlaubnis für Forscher',
    en: 'Researcher permit',
  },
  researcher_long_term_mobility_permit: {
    nl: 'Vergunning voor onderzoeker, mobiliteit op lange termijn',
    fr: 'Autorisation de chercheur, mobilité de longue durée',
    de: 'Erlaubnis für Forscher, langfristige Mobilität',
    en: 'Researcher permit for long-term mobility',
  },
  trainee_permit: {
    nl: 'Vergunning voor stagiair',
    fr: 'Autorisation de stagiaire',
    de: 'Erlaubnis für Praktikanten',
    en: 'Trainee permit',
  },
  volunteer_permit: {
    nl: 'Vergunning voor vrijwilliger',
    fr: 'Autorisation de volontaire',
    de: 'Erlaubnis für Freiwillige',
    en: 'Volunteer permit',
  },
  other_directive_permit: CATEGORY_NAME.other_eu_directive,
  work_permit: CATEGORY_NAME.work_permit,
  professional_card: CATEGORY_NAME.professional_card,
};

/**
 * How to appeal a negative decision, per deciding authority, with its legal source. The
 * cooperation agreement fixes none of this: the appeal follows the law of the authority that
 * decides. `configured` rows are the platform's reading of the regional rules (addressee and
 * time limit) and are to be confirmed by each region; the residence row is fixed by the Aliens
 * Act. A change of law is a new row with a date, never an edit.
 */
export interface AppealRow extends RuleRow {
  authority: Region | 'dvz';
  text: Translations;
  configured: boolean;
}

const GOVERNMENT: Record<Region, Translations> = {
  flanders: {
    nl: 'de Vlaamse Regering',
    fr: 'du Gouvernement flamand',
    de: 'der Flämischen Regierung',
    en: 'the Flemish Government',
  },
  wallonia: {
    nl: 'de Waalse Regering',
    fr: 'du Gouvernement wallon',
    de: 'der Wallonischen Regierung',
    en: 'the Walloon Government',
  },
  brussels: {
    nl: 'de Brusselse Hoofdstedelijke Regering',
    fr: 'du Gouvernement de la Région de Bruxelles-Capitale',
    de: 'der Regierung der Region Brüssel-Hauptstadt',
    en: 'the Government of the Brussels-Capital Region',
  },
  ostbelgien: {
    nl: 'de Regering van de Duitstalige Gemeenschap',
    fr: 'du Gouvernement de la Communauté germanophone',
    de: 'der Regierung der Deutschsprachigen Gemeinschaft',
    en: 'the Government of the German-speaking Community',
  },
};

const REGIONAL_APPEAL: Translations = {
  nl: 'U kunt tegen deze beslissing binnen 30 dagen na de kennisgeving ervan een administratief beroep instellen bij de bevoegde minister van {government}. Tegen de beslissing over dat beroep kunt u binnen 60 dagen na de kennisgeving ervan een beroep tot nietigverklaring instellen bij de Raad van State.',
  fr: 'Vous pouvez introduire un recours administratif contre la présente décision auprès du ministre compétent {government} dans les 30 jours de sa notification. La décision rendue sur ce recours peut faire l’objet d’un recours en annulation devant le Conseil d’État dans les 60 jours de sa notification.',
  de: 'Sie können gegen diese Entscheidung innerhalb von 30 Tagen nach ihrer Zustellung Widerspruch beim zuständigen Minister {government} einlegen. Gegen die Entscheidung über diesen Widerspruch können Sie innerhalb von 60 Tagen nach ihrer Zustellung Nichtigkeitsklage beim Staatsrat erheben.',
  en: 'You may lodge an administrative appeal against this decision with the competent minister of {government} within 30 days of its notification. The decision on that appeal may be challenged by an action for annulment before the Council of State within 60 days of its notification.',
};

const fill = (template: string, vars: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');

const regionalAppeal = (region: Region): Translations => ({
  nl: fill(REGIONAL_APPEAL.nl, { government: GOVERNMENT[region].nl }),
  fr: fill(REGIONAL_APPEAL.fr, { government: GOVERNMENT[region].fr }),
  de: fill(REGIONAL_APPEAL.de, { government: GOVERNMENT[region].de }),
  en: fill(REGIONAL_APPEAL.en, { government: GOVERNMENT[region].en }),
});

const COUNCIL_OF_STATE =
  'Council of State: Art. 14 §1 coordinated laws of 12 January 1973, 60 days under Art. 4 Regent’s decree of 23 August 1948';

const regionalSource = (rules: string) =>
  `Law of 30 April 1999 (work) and law of 19 February 1965 (professional card) with ${rules}; ` +
  `administrative appeal to the minister within 30 days configured, to be confirmed by the region ` +
  `(not fixed by CA 31.01.2025); ${COUNCIL_OF_STATE}`;

export const APPEAL_ROWS: readonly AppealRow[] = [
  {
    authority: 'flanders',
    text: regionalAppeal('flanders'),
    configured: true,
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: regionalSource('the implementing rules of the Flemish Government'),
  },
  {
    authority: 'wallonia',
    text: regionalAppeal('wallonia'),
    configured: true,
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: regionalSource('the implementing rules of the Walloon Government'),
  },
  {
    authority: 'brussels',
    text: regionalAppeal('brussels'),
    configured: true,
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: regionalSource('the implementing rules of the Brussels-Capital Region'),
  },
  {
    authority: 'ostbelgien',
    text: regionalAppeal('ostbelgien'),
    configured: true,
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: regionalSource('the implementing rules of the German-speaking Community (Art. 9 §7)'),
  },
  {
    authority: 'dvz',
    text: {
      nl: 'U kunt tegen deze beslissing binnen 30 dagen na de kennisgeving ervan beroep instellen bij de Raad voor Vreemdelingenbetwistingen (artikelen 39/2 en 39/57 van de wet van 15 december 1980).',
      fr: 'Vous pouvez introduire un recours contre la présente décision auprès du Conseil du contentieux des étrangers dans les 30 jours de sa notification (articles 39/2 et 39/57 de la loi du 15 décembre 1980).',
      de: 'Sie können gegen diese Entscheidung innerhalb von 30 Tagen nach ihrer Zustellung Beschwerde beim Rat für Ausländerstreitsachen einlegen (Artikel 39/2 und 39/57 des Gesetzes vom 15. Dezember 1980).',
      en: 'You may appeal against this decision to the Council for Alien Law Litigation (Raad voor Vreemdelingenbetwistingen / Conseil du Contentieux des Étrangers) within 30 days of its notification (Articles 39/2 and 39/57 of the law of 15 December 1980).',
    },
    configured: false,
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: 'Law of 15 December 1980 on aliens, Art. 39/2 §2 and Art. 39/57 §1 (30 days)',
  },
];

/** The appeal row in force on a legal date for the authority that decided; undefined if none. */
export function appealFor(authority: Region | 'dvz', on: string): AppealRow | undefined {
  return effectiveAt(APPEAL_ROWS, on).find((row) => row.authority === authority);
}

export const fillText = fill;
