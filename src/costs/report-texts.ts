import type { Language } from '../contract/language.js';
import type { Region } from '../contract/regions.js';

/** The words of the cost report (Art. 33), in the four languages of the platform. */
export interface ReportTexts {
  title: string;
  period: string;
  intro: string;
  keyHeading: string;
  federalInScope: string;
  federalOutOfScope: string;
  regionalKey: string;
  byDossiers: string;
  fixed: string;
  defaultKey: string;
  setKey: string;
  equalSplit: string;
  dossiersHeading: string;
  linesHeading: string;
  noLines: string;
  allocationHeading: string;
  inScope: string;
  outOfScope: string;
  total: string;
  federal: string;
  regional: string;
  phase: Record<'phase_1' | 'phase_2' | 'phase_3' | 'phase_4', string>;
  nature: Record<'development' | 'operation', string>;
  regions: Record<Region, string>;
  footer: string;
  pageOf: string;
}

export const REPORT_TEXTS: Record<Language, ReportTexts> = {
  en: {
    title: 'Cost report of the single window platform',
    period: 'Period',
    intro:
      'The sharing of the costs of the common electronic platform between the parties (cooperation agreement of 31 January 2025, Art. 33), for the management committee.',
    keyHeading: 'Key',
    federalInScope: 'Federal share (Immigration Office), costs in scope',
    federalOutOfScope: 'Federal share (Immigration Office), costs out of scope',
    regionalKey: 'Split between the regional authorities',
    byDossiers: 'by their share of the period’s dossiers',
    fixed: 'by fixed shares',
    defaultKey: 'Default key: no key was recorded for this period.',
    setKey: 'Key recorded by the management committee for this period.',
    equalSplit: 'No dossier was filed in the period: the regional authorities share equally.',
    dossiersHeading: 'Dossiers filed in the period',
    linesHeading: 'Cost lines',
    noLines: 'No cost line was entered for this period.',
    allocationHeading: 'Allocation',
    inScope: 'In scope',
    outOfScope: 'Out of scope',
    total: 'Total',
    federal: 'Immigration Office (federal share)',
    regional: 'Regional authorities together',
    phase: { phase_1: 'Phase 1', phase_2: 'Phase 2', phase_3: 'Phase 3', phase_4: 'Phase 4' },
    nature: { development: 'development', operation: 'operation' },
    regions: {
      flanders: 'Flemish Region',
      wallonia: 'Walloon Region',
      brussels: 'Brussels-Capital Region',
      ostbelgien: 'German-speaking Community',
    },
    footer: 'Single window — cost report (Art. 33)',
    pageOf: 'Page {page} of {pages}',
  },
  nl: {
    title: 'Kostenverslag van het platform uniek loket',
    period: 'Periode',
    intro:
      'De verdeling van de kosten van het gemeenschappelijk elektronisch platform tussen de partijen (samenwerkingsakkoord van 31 januari 2025, art. 33), voor het beheerscomité.',
    keyHeading: 'Verdeelsleutel',
    federalInScope: 'Federaal aandeel (Dienst Vreemdelingenzaken), kosten in scope',
    federalOutOfScope: 'Federaal aandeel (Dienst Vreemdelingenzaken), kosten buiten scope',
    regionalKey: 'Verdeling tussen de regionale overheden',
    byDossiers: 'volgens hun aandeel in de dossiers van de periode',
    fixed: 'volgens vaste aandelen',
    defaultKey: 'Standaardsleutel: voor deze periode werd geen sleutel vastgelegd.',
    setKey: 'Sleutel vastgelegd door het beheerscomité voor deze periode.',
    equalSplit: 'In de periode werd geen dossier ingediend: de regionale overheden delen gelijk.',
    dossiersHeading: 'Dossiers ingediend in de periode',
    linesHeading: 'Kostenlijnen',
    noLines: 'Voor deze periode werd geen kostenlijn ingevoerd.',
    allocationHeading: 'Verdeling',
    inScope: 'In scope',
    outOfScope: 'Buiten scope',
    total: 'Totaal',
    federal: 'Dienst Vreemdelingenzaken (federaal aandeel)',
    regional: 'Regionale overheden samen',
    phase: { phase_1: 'Fase 1', phase_2: 'Fase 2', phase_3: 'Fase 3', phase_4: 'Fase 4' },
    nature: { development: 'ontwikkeling', operation: 'exploitatie' },
    regions: {
      flanders: 'Vlaams Gewest',
      wallonia: 'Waals Gewest',
      brussels: 'Brussels Hoofdstedelijk Gewest',
      ostbelgien: 'Duitstalige Gemeenschap',
    },
    footer: 'Uniek loket — kostenverslag (art. 33)',
    pageOf: 'Pagina {page} van {pages}',
  },
  fr: {
    title: 'Rapport des coûts de la plateforme guichet unique',
    period: 'Période',
    intro:
      'La répartition des coûts de la plateforme électronique commune entre les parties (accord de coopération du 31 janvier 2025, art. 33), pour le comité de gestion.',
    keyHeading: 'Clé de répartition',
    federalInScope: 'Part fédérale (Office des étrangers), coûts dans le périmètre',
    federalOutOfScope: 'Part fédérale (Office des étrangers), coûts hors périmètre',
    regionalKey: 'Répartition entre les autorités régionales',
    byDossiers: 'selon leur part des dossiers de la période',
    fixed: 'selon des parts fixes',
    defaultKey: 'Clé par défaut : aucune clé n’a été enregistrée pour cette période.',
    setKey: 'Clé enregistrée par le comité de gestion pour cette période.',
    equalSplit:
      'Aucun dossier n’a été introduit pendant la période : les autorités régionales se répartissent à parts égales.',
    dossiersHeading: 'Dossiers introduits pendant la période',
    linesHeading: 'Lignes de coûts',
    noLines: 'Aucune ligne de coûts n’a été saisie pour cette période.',
    allocationHeading: 'Répartition',
    inScope: 'Dans le périmètre',
    outOfScope: 'Hors périmètre',
    total: 'Total',
    federal: 'Office des étrangers (part fédérale)',
    regional: 'Autorités régionales ensemble',
    phase: { phase_1: 'Phase 1', phase_2: 'Phase 2', phase_3: 'Phase 3', phase_4: 'Phase 4' },
    nature: { development: 'développement', operation: 'exploitation' },
    regions: {
      flanders: 'Région flamande',
      wallonia: 'Région wallonne',
      brussels: 'Région de Bruxelles-Capitale',
      ostbelgien: 'Communauté germanophone',
    },
    footer: 'Guichet unique — rapport des coûts (art. 33)',
    pageOf: 'Page {page} sur {pages}',
  },
  de: {
    title: 'Kostenbericht der Plattform Einheitlicher Schalter',
    period: 'Zeitraum',
    intro:
      'Die Aufteilung der Kosten der gemeinsamen elektronischen Plattform zwischen den Parteien (Zusammenarbeitsabkommen vom 31. Januar 2025, Art. 33), für den Verwaltungsausschuss.',
    keyHeading: 'Verteilerschlüssel',
    federalInScope: 'Föderaler Anteil (Ausländeramt), Kosten im Projektumfang',
    federalOutOfScope: 'Föderaler Anteil (Ausländeramt), Kosten außerhalb des Projektumfangs',
    regionalKey: 'Aufteilung zwischen den regionalen Behörden',
    byDossiers: 'nach ihrem Anteil an den Dossiers des Zeitraums',
    fixed: 'nach festen Anteilen',
    defaultKey: 'Standardschlüssel: Für diesen Zeitraum wurde kein Schlüssel festgelegt.',
    setKey: 'Vom Verwaltungsausschuss für diesen Zeitraum festgelegter Schlüssel.',
    equalSplit:
      'Im Zeitraum wurde kein Dossier eingereicht: Die regionalen Behörden teilen zu gleichen Teilen.',
    dossiersHeading: 'Im Zeitraum eingereichte Dossiers',
    linesHeading: 'Kostenpositionen',
    noLines: 'Für diesen Zeitraum wurde keine Kostenposition erfasst.',
    allocationHeading: 'Aufteilung',
    inScope: 'Im Projektumfang',
    outOfScope: 'Außerhalb des Projektumfangs',
    total: 'Summe',
    federal: 'Ausländeramt (föderaler Anteil)',
    regional: 'Regionale Behörden zusammen',
    phase: { phase_1: 'Phase 1', phase_2: 'Phase 2', phase_3: 'Phase 3', phase_4: 'Phase 4' },
    nature: { development: 'Entwicklung', operation: 'Betrieb' },
    regions: {
      flanders: 'Flämische Region',
      wallonia: 'Wallonische Region',
      brussels: 'Region Brüssel-Hauptstadt',
      ostbelgien: 'Deutschsprachige Gemeinschaft',
    },
    footer: 'Einheitlicher Schalter — Kostenbericht (Art. 33)',
    pageOf: 'Seite {page} von {pages}',
  },
};
