import type { Language, Translations } from '../contract/language.js';

/*
 * The words of the messages to applicants and workers (Art. 20 §5), in the three national
 * languages and English. A message carries only what its recipient may see in the dossier; the
 * platform, not the e-mail, is where the rest is read.
 */

export type StepText =
  | 'filed'
  | 'documents_requested'
  | 'deadline_extended'
  | 'decision'
  | 'negative_fact'
  | 'decision_full'
  | 'decision_waiting'
  | 'issued'
  | 'application_withdrawn';

const SUBJECT: Record<StepText, Translations> = {
  filed: {
    nl: 'Aanvraag {reference} ingediend',
    fr: 'Demande {reference} introduite',
    de: 'Antrag {reference} eingereicht',
    en: 'Application {reference} filed',
  },
  documents_requested: {
    nl: 'Documenten gevraagd voor {reference}',
    fr: 'Documents demandés pour {reference}',
    de: 'Dokumente angefordert für {reference}',
    en: 'Documents requested for {reference}',
  },
  deadline_extended: {
    nl: 'Beslissingstermijn verlengd voor {reference}',
    fr: 'Délai de décision prolongé pour {reference}',
    de: 'Entscheidungsfrist verlängert für {reference}',
    en: 'Decision period extended for {reference}',
  },
  decision: {
    nl: 'Beslissing over {reference}',
    fr: 'Décision concernant {reference}',
    de: 'Entscheidung zu {reference}',
    en: 'Decision on {reference}',
  },
  negative_fact: {
    nl: 'Beslissing over {reference}',
    fr: 'Décision concernant {reference}',
    de: 'Entscheidung zu {reference}',
    en: 'Decision on {reference}',
  },
  decision_full: {
    nl: 'Beslissing over uw aanvraag {reference}',
    fr: 'Décision concernant votre demande {reference}',
    de: 'Entscheidung über Ihren Antrag {reference}',
    en: 'Decision on your application {reference}',
  },
  decision_waiting: {
    nl: 'Beslissing over uw aanvraag {reference}',
    fr: 'Décision concernant votre demande {reference}',
    de: 'Entscheidung über Ihren Antrag {reference}',
    en: 'Decision on your application {reference}',
  },
  issued: {
    nl: 'Afgegeven voor {reference}: {document}',
    fr: 'Délivré pour {reference} : {document}',
    de: 'Ausgestellt für {reference}: {document}',
    en: 'Issued for {reference}: {document}',
  },
  application_withdrawn: {
    nl: 'Aanvraag {reference} ingetrokken',
    fr: 'Demande {reference} retirée',
    de: 'Antrag {reference} zurückgezogen',
    en: 'Application {reference} withdrawn',
  },
};

const BODY: Record<Exclude<StepText, 'decision_full'>, Translations> = {
  filed: {
    nl: 'Uw aanvraag {reference} werd op {date} ingediend en wordt nu onderzocht door de bevoegde overheid. U ontvangt bij elke stap een bericht. Meld u aan op het platform Working in Belgium om ze te volgen.',
    fr: 'Votre demande {reference} a été introduite le {date} et est maintenant examinée par l’autorité compétente. Vous recevrez un message à chaque étape. Connectez-vous à la plateforme Working in Belgium pour la suivre.',
    de: 'Ihr Antrag {reference} wurde am {date} eingereicht und wird nun von der zuständigen Behörde geprüft. Sie erhalten bei jedem Schritt eine Nachricht. Melden Sie sich auf der Plattform Working in Belgium an, um ihn zu verfolgen.',
    en: 'Your application {reference} was filed on {date} and is now examined by the competent authority. You will receive a message at every step. Sign in to the Working in Belgium platform to follow it.',
  },
  documents_requested: {
    nl: '{authority} vraagt bijkomende documenten voor aanvraag {reference}, uiterlijk op {dueDate}. De beslissingstermijn is geschorst tot u antwoordt. Meld u aan op het platform om de vraag te bekijken en te beantwoorden.',
    fr: '{authority} demande des documents complémentaires pour la demande {reference}, au plus tard le {dueDate}. Le délai de décision est suspendu jusqu’à votre réponse. Connectez-vous à la plateforme pour consulter la demande et y répondre.',
    de: '{authority} fordert für den Antrag {reference} zusätzliche Dokumente bis spätestens {dueDate} an. Die Entscheidungsfrist ist bis zu Ihrer Antwort ausgesetzt. Melden Sie sich auf der Plattform an, um die Anforderung einzusehen und zu beantworten.',
    en: '{authority} asks for additional documents for application {reference}, by {dueDate}. The decision period is suspended until you answer. Sign in to the platform to see the request and answer it.',
  },
  deadline_extended: {
    nl: '{authority} heeft de beslissingstermijn voor aanvraag {reference} met {days} dagen verlengd. Meld u aan op het platform om de nieuwe datum te zien.',
    fr: '{authority} a prolongé de {days} jours le délai de décision de la demande {reference}. Connectez-vous à la plateforme pour voir la nouvelle échéance.',
    de: '{authority} hat die Entscheidungsfrist für den Antrag {reference} um {days} Tage verlängert. Melden Sie sich auf der Plattform an, um das neue Fristende zu sehen.',
    en: '{authority} extended the decision period for application {reference} by {days} days. Sign in to the platform to see the new due date.',
  },
  decision: {
    nl: '{authority} nam op {date} een beslissing over aanvraag {reference}: {decision}{validity} Meld u aan op het platform om ze te bekijken.',
    fr: '{authority} a pris le {date} une décision concernant la demande {reference} : {decision}{validity} Connectez-vous à la plateforme pour la consulter.',
    de: '{authority} hat am {date} über den Antrag {reference} entschieden: {decision}{validity} Melden Sie sich auf der Plattform an, um die Entscheidung einzusehen.',
    en: '{authority} took a decision on application {reference} on {date}: {decision}{validity} Sign in to the platform to see it.',
  },
  negative_fact: {
    nl: 'Over aanvraag {reference} werd op {date} een negatieve beslissing genomen. Zoals het samenwerkingsakkoord van 31 januari 2025 bepaalt (art. 24), wordt de volledige beslissing enkel aan de betrokkene betekend.',
    fr: 'Une décision négative a été prise le {date} concernant la demande {reference}. Comme le prévoit l’accord de coopération du 31 janvier 2025 (art. 24), la décision complète est notifiée uniquement à la personne concernée.',
    de: 'Zum Antrag {reference} wurde am {date} eine ablehnende Entscheidung getroffen. Wie im Kooperationsabkommen vom 31. Januar 2025 vorgesehen (Art. 24), wird die vollständige Entscheidung nur der betroffenen Person zugestellt.',
    en: 'A negative decision was taken on application {reference} on {date}. As the cooperation agreement of 31 January 2025 provides (Art. 24), the full decision is notified only to the person concerned.',
  },
  decision_waiting: {
    nl: 'Op {date} werd een beslissing genomen over uw aanvraag {reference}. De volledige beslissing wordt enkel bezorgd langs een kanaal waarvan u bevestigd hebt dat het van u is (samenwerkingsakkoord van 31 januari 2025, art. 24). Meld u aan op het platform Working in Belgium en koppel het dossier aan uw account met het referentienummer, uw paspoortnummer en uw geboortedatum om ze te lezen.',
    fr: 'Une décision a été prise le {date} concernant votre demande {reference}. La décision complète n’est remise que par un canal dont vous avez confirmé qu’il est le vôtre (accord de coopération du 31 janvier 2025, art. 24). Connectez-vous à la plateforme Working in Belgium et rattachez le dossier à votre compte avec la référence, votre numéro de passeport et votre date de naissance pour la lire.',
    de: 'Am {date} wurde über Ihren Antrag {reference} entschieden. Die vollständige Entscheidung wird nur über einen Kanal zugestellt, den Sie als Ihren bestätigt haben (Kooperationsabkommen vom 31. Januar 2025, Art. 24). Melden Sie sich auf der Plattform Working in Belgium an und verknüpfen Sie das Dossier mit der Referenz, Ihrer Passnummer und Ihrem Geburtsdatum mit Ihrem Konto, um sie zu lesen.',
    en: 'A decision was taken on your application {reference} on {date}. The full decision is delivered only through a channel you have confirmed as yours (cooperation agreement of 31 January 2025, Art. 24). Sign in to the Working in Belgium platform and link the dossier to your account with its reference, your passport number and your birth date to read it.',
  },
  issued: {
    nl: '{authority} registreerde dat voor aanvraag {reference} op {issuedOn} werd afgegeven: {document}.',
    fr: '{authority} a enregistré que le document suivant a été délivré le {issuedOn} pour la demande {reference} : {document}.',
    de: '{authority} hat erfasst, dass für den Antrag {reference} am {issuedOn} Folgendes ausgestellt wurde: {document}.',
    en: '{authority} recorded that the following was issued on {issuedOn} for application {reference}: {document}.',
  },
  application_withdrawn: {
    nl: 'Aanvraag {reference} werd op {date} ingetrokken. Er wordt geen beslissing over genomen.',
    fr: 'La demande {reference} a été retirée le {date}. Aucune décision ne sera prise.',
    de: 'Der Antrag {reference} wurde am {date} zurückgezogen. Es wird keine Entscheidung darüber getroffen.',
    en: 'Application {reference} was withdrawn on {date}. No decision will be taken on it.',
  },
};

/** What was decided, as one sentence: the kind, and what it is about or its outcome. */
export type DecisionText =
  | 'admissible'
  | 'inadmissible'
  | 'work_granted'
  | 'work_refused'
  | 'residence_granted'
  | 'residence_refused'
  | 'professional_card_granted'
  | 'professional_card_refused'
  | 'withdrawal_work'
  | 'withdrawal_residence'
  | 'withdrawal_professional_card'
  | 'end_residence';

export const DECISION: Record<DecisionText, Translations> = {
  admissible: {
    nl: 'De aanvraag is ontvankelijk.',
    fr: 'La demande est recevable.',
    de: 'Der Antrag ist zulässig.',
    en: 'The application is admissible.',
  },
  inadmissible: {
    nl: 'De aanvraag is onontvankelijk.',
    fr: 'La demande est irrecevable.',
    de: 'Der Antrag ist unzulässig.',
    en: 'The application is inadmissible.',
  },
  work_granted: {
    nl: 'De toelating tot arbeid wordt toegekend.',
    fr: 'L’autorisation de travail est accordée.',
    de: 'Die Arbeitserlaubnis wird erteilt.',
    en: 'The authorisation to work is granted.',
  },
  work_refused: {
    nl: 'De toelating tot arbeid wordt geweigerd.',
    fr: 'L’autorisation de travail est refusée.',
    de: 'Die Arbeitserlaubnis wird verweigert.',
    en: 'The authorisation to work is refused.',
  },
  residence_granted: {
    nl: 'De machtiging tot verblijf (gecombineerde vergunning) wordt toegekend.',
    fr: 'L’autorisation de séjour (permis unique) est accordée.',
    de: 'Die Aufenthaltserlaubnis (kombinierte Erlaubnis) wird erteilt.',
    en: 'The authorisation to reside (single permit) is granted.',
  },
  residence_refused: {
    nl: 'De machtiging tot verblijf (gecombineerde vergunning) wordt geweigerd.',
    fr: 'L’autorisation de séjour (permis unique) est refusée.',
    de: 'Die Aufenthaltserlaubnis (kombinierte Erlaubnis) wird verweigert.',
    en: 'The authorisation to reside (single permit) is refused.',
  },
  professional_card_granted: {
    nl: 'De beroepskaart wordt toegekend.',
    fr: 'La carte professionnelle est accordée.',
    de: 'Die Berufskarte wird erteilt.',
    en: 'The professional card is granted.',
  },
  professional_card_refused: {
    nl: 'De beroepskaart wordt geweigerd.',
    fr: 'La carte professionnelle est refusée.',
    de: 'Die Berufskarte wird verweigert.',
    en: 'The professional card is refused.',
  },
  withdrawal_work: {
    nl: 'De toelating tot arbeid wordt ingetrokken.',
    fr: 'L’autorisation de travail est retirée.',
    de: 'Die Arbeitserlaubnis wird entzogen.',
    en: 'The authorisation to work is withdrawn.',
  },
  withdrawal_residence: {
    nl: 'De machtiging tot verblijf wordt ingetrokken.',
    fr: 'L’autorisation de séjour est retirée.',
    de: 'Die Aufenthaltserlaubnis wird entzogen.',
    en: 'The authorisation to reside is withdrawn.',
  },
  withdrawal_professional_card: {
    nl: 'De beroepskaart wordt ingetrokken.',
    fr: 'La carte professionnelle est retirée.',
    de: 'Die Berufskarte wird entzogen.',
    en: 'The professional card is withdrawn.',
  },
  end_residence: {
    nl: 'Er wordt een einde gesteld aan het verblijf.',
    fr: 'Il est mis fin au séjour.',
    de: 'Der Aufenthalt wird beendet.',
    en: 'The residence is ended.',
  },
};

export type IssuedDocument = 'visa_d' | 'residence_document' | 'work_permit' | 'professional_card';

export const DOCUMENT: Record<IssuedDocument, Translations> = {
  visa_d: {
    nl: 'visum lang verblijf (visum D)',
    fr: 'visa de long séjour (visa D)',
    de: 'Visum für einen langfristigen Aufenthalt (Visum D)',
    en: 'long-stay visa (visa D)',
  },
  residence_document: {
    nl: 'tijdelijk verblijfsdocument',
    fr: 'document de séjour temporaire',
    de: 'vorläufiges Aufenthaltsdokument',
    en: 'temporary residence document',
  },
  work_permit: { nl: 'arbeidskaart', fr: 'permis de travail', de: 'Arbeitserlaubnis', en: 'work permit' },
  professional_card: {
    nl: 'beroepskaart',
    fr: 'carte professionnelle',
    de: 'Berufskarte',
    en: 'professional card',
  },
};

/** Who hears an appeal against a negative decision, by the authority that took it. */
export const APPEAL: Record<'residence' | 'regional', Translations> = {
  residence: {
    nl: 'U kunt binnen 30 dagen na deze kennisgeving beroep instellen bij de Raad voor Vreemdelingenbetwistingen.',
    fr: 'Vous pouvez introduire un recours auprès du Conseil du contentieux des étrangers dans les 30 jours de la présente notification.',
    de: 'Sie können innerhalb von 30 Tagen nach dieser Zustellung Beschwerde beim Rat für Ausländerstreitsachen einlegen.',
    en: 'You can appeal to the Council for Alien Law Litigation within 30 days of this notification.',
  },
  regional: {
    nl: 'U kunt beroep instellen volgens de regelgeving van het gewest of de gemeenschap die besliste; de termijn loopt vanaf deze kennisgeving. De hierboven vermelde overheid deelt u mee waar u het indient.',
    fr: 'Vous pouvez introduire un recours selon la réglementation de la région ou de la communauté qui a décidé ; le délai court à partir de la présente notification. L’autorité mentionnée ci-dessus vous indique où l’introduire.',
    de: 'Sie können nach den Vorschriften der Region oder Gemeinschaft, die entschieden hat, einen Rechtsbehelf einlegen; die Frist läuft ab dieser Zustellung. Die oben genannte Behörde teilt Ihnen mit, wo Sie ihn einreichen.',
    en: 'You can lodge an appeal under the rules of the region or community that decided; the time limit runs from this notification. The authority named above tells you where to lodge it.',
  },
};

const LABEL: Record<
  'decision' | 'authority' | 'date' | 'legalBasis' | 'validity' | 'grounds' | 'appeal',
  Translations
> = {
  decision: { nl: 'Beslissing', fr: 'Décision', de: 'Entscheidung', en: 'Decision' },
  authority: { nl: 'Overheid', fr: 'Autorité', de: 'Behörde', en: 'Authority' },
  date: { nl: 'Datum', fr: 'Date', de: 'Datum', en: 'Date' },
  legalBasis: { nl: 'Rechtsgrond', fr: 'Base légale', de: 'Rechtsgrundlage', en: 'Legal basis' },
  validity: { nl: 'Geldigheid', fr: 'Validité', de: 'Gültigkeit', en: 'Validity' },
  grounds: { nl: 'Motivering', fr: 'Motifs', de: 'Begründung', en: 'Grounds' },
  appeal: { nl: 'Beroep', fr: 'Recours', de: 'Rechtsbehelf', en: 'Appeal' },
};

const VALIDITY: Translations = {
  nl: 'van {from} tot {until}',
  fr: 'du {from} au {until}',
  de: 'vom {from} bis {until}',
  en: 'from {from} to {until}',
};

/** Every decision has its letter on the platform (src/letters): the message says where to find it. */
export const LETTER_AVAILABLE: Record<'letter' | 'notice', Translations> = {
  letter: {
    nl: 'De beslissingsbrief (PDF) kunt u downloaden op de pagina van het dossier op het platform.',
    fr: 'La lettre de décision (PDF) peut être téléchargée depuis la page du dossier sur la plateforme.',
    de: 'Das Entscheidungsschreiben (PDF) können Sie auf der Seite des Dossiers auf der Plattform herunterladen.',
    en: 'The decision letter (PDF) can be downloaded from the dossier page on the platform.',
  },
  notice: {
    nl: 'De kennisgeving van deze beslissing (PDF) kunt u downloaden op de pagina van het dossier op het platform.',
    fr: 'L’avis de cette décision (PDF) peut être téléchargé depuis la page du dossier sur la plateforme.',
    de: 'Die Mitteilung dieser Entscheidung (PDF) können Sie auf der Seite des Dossiers auf der Plattform herunterladen.',
    en: 'The notice of this decision (PDF) can be downloaded from the dossier page on the platform.',
  },
};

const COURTESY = '— English courtesy translation; the text above is the one that counts —';

const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');

export interface FullDecision {
  decision: DecisionText;
  authority: string;
  date: string;
  legalBasis: string;
  validFrom: string | undefined;
  validUntil: string | undefined;
  grounds: string | undefined;
  appeal: 'residence' | 'regional' | undefined;
}

function validityOf(language: Language, from: string | undefined, until: string | undefined) {
  if (!from && !until) return '';
  return fill(VALIDITY[language], { from: from ?? '…', until: until ?? '…' });
}

/** The whole decision, as it is notified to the person concerned (Art. 24 second para.). */
function fullBody(language: Language, reference: string, d: FullDecision): string {
  const validity = validityOf(language, d.validFrom, d.validUntil);
  return [
    `${LABEL.decision[language]}: ${DECISION[d.decision][language]} (${reference})`,
    `${LABEL.authority[language]}: ${d.authority}`,
    `${LABEL.date[language]}: ${d.date}`,
    `${LABEL.legalBasis[language]}: ${d.legalBasis}`,
    ...(validity ? [`${LABEL.validity[language]}: ${validity}`] : []),
    ...(d.grounds ? [`${LABEL.grounds[language]}: ${d.grounds}`] : []),
    ...(d.appeal ? [`${LABEL.appeal[language]}: ${APPEAL[d.appeal][language]}`] : []),
    LETTER_AVAILABLE.letter[language],
  ].join('\n');
}

export interface TextVars {
  reference: string;
  date: string;
  authority: string;
  dueDate?: string;
  days?: string;
  issuedOn?: string;
  document?: IssuedDocument;
  decision?: DecisionText;
  validFrom?: string | undefined;
  validUntil?: string | undefined;
  full?: FullDecision;
}

function bodyIn(language: Language, step: StepText, vars: TextVars): string {
  if (step === 'decision_full') {
    if (!vars.full) throw new Error('decision_full needs the decision');
    return fullBody(language, vars.reference, vars.full);
  }
  const validity = validityOf(language, vars.validFrom, vars.validUntil);
  const letter =
    step === 'decision'
      ? ` ${LETTER_AVAILABLE.letter[language]}`
      : step === 'negative_fact'
        ? ` ${LETTER_AVAILABLE.notice[language]}`
        : '';
  return `${fill(BODY[step][language], {
    reference: vars.reference,
    date: vars.date,
    authority: vars.authority,
    dueDate: vars.dueDate ?? '',
    days: vars.days ?? '',
    issuedOn: vars.issuedOn ?? '',
    document: vars.document ? DOCUMENT[vars.document][language] : '',
    decision: vars.decision ? DECISION[vars.decision][language] : '',
    validity: validity ? ` ${LABEL.validity[language]}: ${validity}.` : '',
  })}${letter}`;
}

/** The inbox notice 30 days before an idle draft is deleted (src/retention/sweep.ts, Art. 27). */
export const DRAFT_NOTICE: { subject: Translations; body: Translations } = {
  subject: {
    nl: 'Uw ontwerpaanvraag {reference} wordt op {date} gewist',
    fr: 'Votre projet de demande {reference} sera supprimé le {date}',
    de: 'Ihr Antragsentwurf {reference} wird am {date} gelöscht',
    en: 'Your draft application {reference} will be deleted on {date}',
  },
  body: {
    nl: 'De ontwerpaanvraag {reference} werd niet ingediend en is sinds {last} niet meer gewijzigd. Een ontwerp dat 180 dagen ongewijzigd blijft, wordt automatisch gewist (samenwerkingsakkoord van 31 januari 2025, art. 27). Wijzig of dien het ontwerp in vóór {date} om het te bewaren.',
    fr: 'Le projet de demande {reference} n’a pas été introduit et n’a plus été modifié depuis le {last}. Un projet qui reste 180 jours sans modification est supprimé automatiquement (accord de coopération du 31 janvier 2025, art. 27). Modifiez ou introduisez le projet avant le {date} pour le conserver.',
    de: 'Der Antragsentwurf {reference} wurde nicht eingereicht und seit dem {last} nicht mehr geändert. Ein Entwurf, der 180 Tage unverändert bleibt, wird automatisch gelöscht (Zusammenarbeitsabkommen vom 31. Januar 2025, Art. 27). Ändern Sie den Entwurf oder reichen Sie ihn vor dem {date} ein, um ihn zu behalten.',
    en: 'The draft application {reference} was not filed and has not been changed since {last}. A draft left unchanged for 180 days is deleted automatically (cooperation agreement of 31 January 2025, Art. 27). Change or file the draft before {date} to keep it.',
  },
};

/** The kinds of message a stored row can be rendered from again, at read time. */
export const STEP_TEXTS: readonly StepText[] = Object.keys(SUBJECT) as StepText[];

export function isStepText(value: unknown): value is StepText {
  return typeof value === 'string' && (STEP_TEXTS as readonly string[]).includes(value);
}

/**
 * A message as its reader reads it on the platform: wholly in the reader's language, whatever the
 * dossier's. What was sent (`renderMessage`) stays as sent; this is how the inbox shows it.
 */
export function renderForReader(
  language: Language,
  step: StepText,
  vars: TextVars,
): { subject: string; body: string } {
  const document = vars.document ? DOCUMENT[vars.document][language] : '';
  return {
    subject: fill(SUBJECT[step][language], { reference: vars.reference, document }),
    body: bodyIn(language, step, vars),
  };
}

/**
 * A stored inbox row in its reader's language, from the kind and values it was written with;
 * undefined for a row written before kinds were kept, which is shown as it was written.
 */
export function renderStored(
  language: Language,
  kind: string | null,
  vars: unknown,
): { subject: string; body: string } | undefined {
  if (typeof vars !== 'object' || vars === null) return undefined;
  if (kind === 'draft_notice') {
    const v = vars as Record<string, string>;
    return { subject: fill(DRAFT_NOTICE.subject[language], v), body: fill(DRAFT_NOTICE.body[language], v) };
  }
  return isStepText(kind) ? renderForReader(language, kind, vars as TextVars) : undefined;
}

/**
 * A message in the dossier's language; when that is a national language an English courtesy copy
 * follows, marked as such (Art. 20 §3).
 */
export function renderMessage(
  language: Language,
  step: StepText,
  vars: TextVars,
): { subject: string; body: string } {
  const document = vars.document ? DOCUMENT[vars.document][language] : '';
  const subject = fill(SUBJECT[step][language], { reference: vars.reference, document });
  const body = bodyIn(language, step, vars);
  if (language === 'en') return { subject, body };
  return { subject, body: `${body}\n\n${COURTESY}\n${bodyIn('en', step, vars)}` };
}
