import type { Language } from './language.js';

/*
 * The legal sources of the rule tables (src/rules/) are citations written once, in English: "Art. 12
 * §1 2° a) CA 31.01.2025; law of 15 December 1980 (medical certificate)". A citation is made of a
 * few kinds of words — acts and their dates, "Art.", "and", an explanation in brackets — so it is
 * rendered in the reader's language from this table rather than kept four times in every row. The
 * portal and the API both use it; a test renders every row of every table in every language and
 * fails on an English word left over.
 */

type Words = Record<Exclude<Language, 'en'>, string>;

/** The explanations in brackets, whole, as they appear in the rule tables. */
const EXPLANATIONS: Record<string, Words> = {
  '(four months)': { nl: '(vier maanden)', fr: '(quatre mois)', de: '(vier Monate)' },
  '(90 days)': { nl: '(90 dagen)', fr: '(90 jours)', de: '(90 Tage)' },
  '(90 days, 30 more in exceptional and duly justified cases)': {
    nl: '(90 dagen, 30 meer in uitzonderlijke en naar behoren gemotiveerde gevallen)',
    fr: '(90 jours, 30 de plus dans des cas exceptionnels et dûment justifiés)',
    de: '(90 Tage, 30 weitere in begründeten Ausnahmefällen)',
  },
  '(fee for a residence request for work)': {
    nl: '(retributie voor een verblijfsaanvraag om te werken)',
    fr: '(redevance pour une demande de séjour pour travailler)',
    de: '(Gebühr für einen Aufenthaltsantrag zur Arbeit)',
  },
  '(no federal fee: the region alone decides)': {
    nl: '(geen federale retributie: alleen het gewest beslist)',
    fr: '(pas de redevance fédérale : seule la région décide)',
    de: '(keine föderale Gebühr: nur die Region entscheidet)',
  },
  '(no federal fee)': {
    nl: '(geen federale retributie)',
    fr: '(pas de redevance fédérale)',
    de: '(keine föderale Gebühr)',
  },
  '(fee)': { nl: '(retributie)', fr: '(redevance)', de: '(Gebühr)' },
  '(medical certificate)': { nl: '(medisch attest)', fr: '(certificat médical)', de: '(ärztliches Attest)' },
  '(current residence permit)': {
    nl: '(huidige verblijfsvergunning)',
    fr: '(titre de séjour actuel)',
    de: '(aktueller Aufenthaltstitel)',
  },
  '(LIMOSA, posting letter)': {
    nl: '(LIMOSA, detacheringsbrief)',
    fr: '(LIMOSA, lettre de détachement)',
    de: '(LIMOSA, Entsendungsschreiben)',
  },
  '(deed or articles for registration in the Crossroads Bank for Enterprises)': {
    nl: '(akte of statuten voor de inschrijving in de Kruispuntbank van Ondernemingen)',
    fr: '(acte ou statuts pour l’inscription à la Banque-Carrefour des Entreprises)',
    de: '(Urkunde oder Satzung für die Eintragung in die Zentrale Datenbank der Unternehmen)',
  },
  '(registration in the Crossroads Bank for Enterprises)': {
    nl: '(inschrijving in de Kruispuntbank van Ondernemingen)',
    fr: '(inscription à la Banque-Carrefour des Entreprises)',
    de: '(Eintragung in die Zentrale Datenbank der Unternehmen)',
  },
  '(contract or binding offer of at least 6 months)': {
    nl: '(arbeidsovereenkomst of bindend aanbod van ten minste 6 maanden)',
    fr: '(contrat ou offre ferme d’au moins 6 mois)',
    de: '(Arbeitsvertrag oder verbindliches Angebot von mindestens 6 Monaten)',
  },
  '(higher professional qualifications)': {
    nl: '(hogere beroepskwalificaties)',
    fr: '(qualifications professionnelles supérieures)',
    de: '(höhere berufliche Qualifikationen)',
  },
  '(contract or binding job offer)': {
    nl: '(arbeidsovereenkomst of bindend aanbod)',
    fr: '(contrat ou offre d’emploi ferme)',
    de: '(Arbeitsvertrag oder verbindliches Stellenangebot)',
  },
  '(adequate accommodation)': {
    nl: '(passende huisvesting)',
    fr: '(logement adéquat)',
    de: '(angemessene Unterkunft)',
  },
  '(work contract and assignment letter)': {
    nl: '(arbeidsovereenkomst en opdrachtbrief)',
    fr: '(contrat de travail et lettre de mission)',
    de: '(Arbeitsvertrag und Abordnungsschreiben)',
  },
  '(qualifications and experience)': {
    nl: '(kwalificaties en ervaring)',
    fr: '(qualifications et expérience)',
    de: '(Qualifikationen und Berufserfahrung)',
  },
  '(ICT permit of the first Member State)': {
    nl: '(ICT-vergunning van de eerste lidstaat)',
    fr: '(permis ICT du premier État membre)',
    de: '(ICT-Karte des ersten Mitgliedstaats)',
  },
  '(authorisation of the first Member State)': {
    nl: '(toelating van de eerste lidstaat)',
    fr: '(autorisation du premier État membre)',
    de: '(Genehmigung des ersten Mitgliedstaats)',
  },
  '(traineeship agreement)': {
    nl: '(stageovereenkomst)',
    fr: '(convention de stage)',
    de: '(Praktikumsvereinbarung)',
  },
  '(recent degree or current studies)': {
    nl: '(recent diploma of lopende studies)',
    fr: '(diplôme récent ou études en cours)',
    de: '(kürzlich erworbener Abschluss oder laufendes Studium)',
  },
  '(voluntary service agreement)': {
    nl: '(overeenkomst voor vrijwilligerswerk)',
    fr: '(convention de volontariat)',
    de: '(Vereinbarung über den Freiwilligendienst)',
  },
  '(assessment of the activity)': {
    nl: '(beoordeling van de activiteit)',
    fr: '(évaluation de l’activité)',
    de: '(Beurteilung der Tätigkeit)',
  },
  '(financial and fiscal data)': {
    nl: '(financiële en fiscale gegevens)',
    fr: '(données financières et fiscales)',
    de: '(Finanz- und Steuerdaten)',
  },
  '(hosting agreement)': {
    nl: '(gastovereenkomst)',
    fr: '(convention d’accueil)',
    de: '(Aufnahmevereinbarung)',
  },
  '(European Voluntary Service)': {
    nl: '(Europees vrijwilligerswerk)',
    fr: '(service volontaire européen)',
    de: '(Europäischer Freiwilligendienst)',
  },
  '(Brussels-Capital Region)': {
    nl: '(Brussels Hoofdstedelijk Gewest)',
    fr: '(Région de Bruxelles-Capitale)',
    de: '(Region Brüssel-Hauptstadt)',
  },
  '(province of Walloon Brabant)': {
    nl: '(provincie Waals-Brabant)',
    fr: '(province du Brabant wallon)',
    de: '(Provinz Wallonisch-Brabant)',
  },
  '(provinces of Flemish Brabant, Antwerp, Limburg)': {
    nl: '(provincies Vlaams-Brabant, Antwerpen, Limburg)',
    fr: '(provinces du Brabant flamand, d’Anvers, de Limbourg)',
    de: '(Provinzen Flämisch-Brabant, Antwerpen, Limburg)',
  },
  '(province of Liège outside the German-speaking area)': {
    nl: '(provincie Luik buiten het Duitse taalgebied)',
    fr: '(province de Liège hors de la région de langue allemande)',
    de: '(Provinz Lüttich außerhalb des deutschen Sprachgebiets)',
  },
  '(provinces of Liège, Namur, Luxembourg, Hainaut)': {
    nl: '(provincies Luik, Namen, Luxemburg, Henegouwen)',
    fr: '(provinces de Liège, de Namur, de Luxembourg, de Hainaut)',
    de: '(Provinzen Lüttich, Namur, Luxemburg, Hennegau)',
  },
  '(provinces of West and East Flanders)': {
    nl: '(provincies West- en Oost-Vlaanderen)',
    fr: '(provinces de Flandre occidentale et orientale)',
    de: '(Provinzen Westflandern und Ostflandern)',
  },
};

/** Acts and connecting words, longest first so "royal decree of" wins over "decree of". */
const PHRASES: [RegExp, Words][] = [
  [
    /\bCA 31\.01\.2025\b/g,
    {
      nl: 'samenwerkingsakkoord 31.01.2025',
      fr: 'accord de coopération 31.01.2025',
      de: 'Kooperationsabkommen 31.01.2025',
    },
  ],
  [
    /\bGerman-speaking Community decree of\b/g,
    {
      nl: 'decreet van de Duitstalige Gemeenschap van',
      fr: 'décret de la Communauté germanophone du',
      de: 'Dekret der Deutschsprachigen Gemeinschaft vom',
    },
  ],
  [
    /\bWalloon decree of\b/g,
    { nl: 'Waals decreet van', fr: 'décret wallon du', de: 'Wallonisches Dekret vom' },
  ],
  [
    /\bBrussels ordinance of\b/g,
    { nl: 'Brusselse ordonnantie van', fr: 'ordonnance bruxelloise du', de: 'Brüsseler Ordonnanz vom' },
  ],
  [
    /\bgovernment decree of\b/g,
    { nl: 'regeringsbesluit van', fr: 'arrêté du gouvernement du', de: 'Regierungserlass vom' },
  ],
  [
    /\broyal decree of\b/g,
    { nl: 'koninklijk besluit van', fr: 'arrêté royal du', de: 'Königlicher Erlass vom' },
  ],
  [/\bspecial law of\b/g, { nl: 'bijzondere wet van', fr: 'loi spéciale du', de: 'Sondergesetz vom' }],
  [
    /\bcooperation agreement of\b/g,
    { nl: 'samenwerkingsakkoord van', fr: 'accord de coopération du', de: 'Kooperationsabkommen vom' },
  ],
  [/\bLaw of\b/g, { nl: 'Wet van', fr: 'Loi du', de: 'Gesetz vom' }],
  [/\blaw of\b/g, { nl: 'wet van', fr: 'loi du', de: 'Gesetz vom' }],
  [
    /\band regional rules\b/g,
    { nl: 'en gewestelijke regels', fr: 'et règles régionales', de: 'und regionale Vorschriften' },
  ],
  [
    /\bregional lists of seasonal sectors\b/g,
    {
      nl: 'gewestelijke lijsten van seizoenssectoren',
      fr: 'listes régionales des secteurs saisonniers',
      de: 'regionale Listen der Saisonbranchen',
    },
  ],
  [
    /\bthe directive applied\b/g,
    { nl: 'de toegepaste richtlijn', fr: 'la directive appliquée', de: 'die angewandte Richtlinie' },
  ],
  [
    /\bdirectives based on\b/g,
    {
      nl: 'richtlijnen op grond van',
      fr: 'directives fondées sur l’',
      de: 'Richtlinien auf der Grundlage von',
    },
  ],
  [/\bapplied under\b/g, { nl: 'toegepast krachtens', fr: 'appliqué en vertu de l’', de: 'angewandt nach' }],
  [/\bnamed in\b/g, { nl: 'genoemd in', fr: 'visé à l’', de: 'genannt in' }],
  [/\brecast\b/g, { nl: 'herschikking', fr: 'refonte', de: 'Neufassung' }],
  [/\bfirst para\./g, { nl: 'eerste lid', fr: 'alinéa 1er', de: 'Absatz 1' }],
  [/\bsecond para\./g, { nl: 'tweede lid', fr: 'alinéa 2', de: 'Absatz 2' }],
  [/\bDirective \(EU\)/g, { nl: 'Richtlijn (EU)', fr: 'Directive (UE)', de: 'Richtlinie (EU)' }],
  [
    /\bDirective (\d{4}\/\d+)\/EU\b/g,
    { nl: 'Richtlijn $1/EU', fr: 'Directive $1/UE', de: 'Richtlinie $1/EU' },
  ],
  [/\(EU\) (\d{4}\/\d+)/g, { nl: '(EU) $1', fr: '(UE) $1', de: '(EU) $1' }],
  [/\bTFEU\b/g, { nl: 'VWEU', fr: 'TFUE', de: 'AEUV' }],
  [/\bArt\. /g, { nl: 'art. ', fr: 'art. ', de: 'Art. ' }],
  [/ and /g, { nl: ' en ', fr: ' et ', de: ' und ' }],
];

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const MONTH_NAMES: Words = {
  nl: 'januari februari maart april mei juni juli augustus september oktober november december',
  fr: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  de: 'Januar Februar März April Mai Juni Juli August September Oktober November Dezember',
};

const DATE = new RegExp(`\\b(\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})\\b`, 'g');

function dateIn(language: keyof Words, day: string, month: string, year: string): string {
  const name = MONTH_NAMES[language].split(' ')[MONTHS.indexOf(month as (typeof MONTHS)[number])] ?? month;
  if (language === 'de') return `${day}. ${name} ${year}`;
  if (language === 'fr') return `${day === '1' ? '1er' : day} ${name} ${year}`;
  return `${day} ${name} ${year}`;
}

/** A rule table's citation in the reader's language; English is the table's own text. */
export function citationIn(citation: string, language: Language): string {
  if (language === 'en') return citation;
  // Explanations first, set aside so the word-by-word pass below leaves them whole.
  const kept: string[] = [];
  let text = citation;
  for (const [english, words] of Object.entries(EXPLANATIONS)) {
    if (!text.includes(english)) continue;
    kept.push(words[language]);
    text = text.split(english).join(`{{${kept.length - 1}}}`);
  }
  for (const [pattern, words] of PHRASES) text = text.replace(pattern, words[language]);
  text = text.replace(DATE, (_, day: string, month: string, year: string) =>
    dateIn(language, day, month, year),
  );
  // "l’" + "art." reads "l’art."; elsewhere the apostrophe needs no space after it.
  text = text.replace(/’ /g, '’');
  return text.replace(/\{\{(\d+)\}\}/g, (_, i: string) => kept[Number(i)] ?? '');
}
