import type { Language } from '../contract/language.js';
import type { RightsRequestKind } from '../contract/rights.js';

/*
 * What the platform tells the person about their request, in the four languages of the
 * platform: the dated acknowledgement (Art. 29 §4), an extension with its reasons (GDPR 12(3))
 * and each controller's answer. The texts name no dossier content: kinds, dates, controllers and
 * the reasons the controller wrote.
 */

const KIND: Record<RightsRequestKind, Record<Language, string>> = {
  access: { nl: 'inzage', fr: 'accès', de: 'Auskunft', en: 'access' },
  rectification: { nl: 'rectificatie', fr: 'rectification', de: 'Berichtigung', en: 'rectification' },
  erasure: { nl: 'wissing', fr: 'effacement', de: 'Löschung', en: 'erasure' },
  restriction: {
    nl: 'beperking van de verwerking',
    fr: 'limitation du traitement',
    de: 'Einschränkung der Verarbeitung',
    en: 'restriction of processing',
  },
  objection: { nl: 'bezwaar', fr: 'opposition', de: 'Widerspruch', en: 'objection' },
  portability: {
    nl: 'overdraagbaarheid van gegevens',
    fr: 'portabilité des données',
    de: 'Datenübertragbarkeit',
    en: 'data portability',
  },
  notification_of_recipients: {
    nl: 'kennisgeving van de ontvangers',
    fr: 'notification des destinataires',
    de: 'Mitteilung der Empfänger',
    en: 'notification of recipients',
  },
};

export interface Message {
  subject: string;
  body: string;
}

const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');

const ACK: Record<Language, Message> = {
  nl: {
    subject: 'Ontvangstbewijs van uw verzoek tot {kind}',
    body:
      'Wij hebben uw verzoek tot {kind} ontvangen op {received}. Het wordt behandeld door: {controllers}. ' +
      'U krijgt een antwoord uiterlijk op {due} (artikel 12, lid 3, AVG; artikel 29, §4, van het samenwerkingsakkoord).',
  },
  fr: {
    subject: 'Accusé de réception de votre demande de {kind}',
    body:
      'Nous avons reçu votre demande de {kind} le {received}. Elle est traitée par : {controllers}. ' +
      'Vous recevrez une réponse au plus tard le {due} (article 12, §3, RGPD ; article 29, §4, de l’accord de coopération).',
  },
  de: {
    subject: 'Eingangsbestätigung Ihres Antrags auf {kind}',
    body:
      'Wir haben Ihren Antrag auf {kind} am {received} erhalten. Er wird bearbeitet von: {controllers}. ' +
      'Sie erhalten eine Antwort spätestens am {due} (Artikel 12 Absatz 3 DSGVO; Artikel 29 § 4 des Zusammenarbeitsabkommens).',
  },
  en: {
    subject: 'Acknowledgement of your request for {kind}',
    body:
      'We received your request for {kind} on {received}. It is handled by: {controllers}. ' +
      'You will get an answer by {due} at the latest (GDPR Article 12(3); Article 29 §4 of the cooperation agreement).',
  },
};

const EXTENDED: Record<Language, Message> = {
  nl: {
    subject: 'Verlenging van de antwoordtermijn van uw verzoek tot {kind}',
    body: '{controller} verlengt de termijn om te antwoorden tot {due}. Reden: {reasons}',
  },
  fr: {
    subject: 'Prolongation du délai de réponse à votre demande de {kind}',
    body: '{controller} prolonge le délai de réponse jusqu’au {due}. Motif : {reasons}',
  },
  de: {
    subject: 'Verlängerung der Antwortfrist Ihres Antrags auf {kind}',
    body: '{controller} verlängert die Antwortfrist bis zum {due}. Grund: {reasons}',
  },
  en: {
    subject: 'The answer to your request for {kind} is extended',
    body: '{controller} extends the period to answer until {due}. Reasons: {reasons}',
  },
};

const ANSWERED: Record<Language, Record<'granted' | 'refused', Message>> = {
  nl: {
    granted: {
      subject: 'Uw verzoek tot {kind} werd ingewilligd',
      body: '{controller} willigt uw verzoek in. {reasons}',
    },
    refused: {
      subject: 'Uw verzoek tot {kind} werd geweigerd',
      body: '{controller} weigert uw verzoek. Reden: {reasons} Rechtsgrond: {legalBasis}. U kunt klacht indienen bij de Gegevensbeschermingsautoriteit.',
    },
  },
  fr: {
    granted: {
      subject: 'Votre demande de {kind} est accordée',
      body: '{controller} accorde votre demande. {reasons}',
    },
    refused: {
      subject: 'Votre demande de {kind} est refusée',
      body: '{controller} refuse votre demande. Motif : {reasons} Base légale : {legalBasis}. Vous pouvez introduire une plainte auprès de l’Autorité de protection des données.',
    },
  },
  de: {
    granted: {
      subject: 'Ihrem Antrag auf {kind} wird stattgegeben',
      body: '{controller} gibt Ihrem Antrag statt. {reasons}',
    },
    refused: {
      subject: 'Ihr Antrag auf {kind} wird abgelehnt',
      body: '{controller} lehnt Ihren Antrag ab. Grund: {reasons} Rechtsgrundlage: {legalBasis}. Sie können Beschwerde bei der Datenschutzbehörde einlegen.',
    },
  },
  en: {
    granted: {
      subject: 'Your request for {kind} is granted',
      body: '{controller} grants your request. {reasons}',
    },
    refused: {
      subject: 'Your request for {kind} is refused',
      body: '{controller} refuses your request. Reasons: {reasons} Legal basis: {legalBasis}. You may lodge a complaint with the Data Protection Authority.',
    },
  },
};

/** Refusals the law itself gives: the processing is required by law (Art. 9 §1 of the agreement). */
export const REFUSED_BY_LAW: Partial<
  Record<RightsRequestKind, { legalBasis: string; reasons: Record<Language, string> }>
> = {
  erasure: {
    legalBasis:
      'GDPR 17(3)(b); GDPR 6(1)(c); Art. 9 §1 and Art. 27 of the cooperation agreement of 31 January 2025',
    reasons: {
      nl: 'De verwerking is wettelijk verplicht; de gegevens worden automatisch gewist na de bewaartermijn van artikel 27.',
      fr: 'Le traitement est imposé par la loi ; les données sont effacées automatiquement au terme de la durée de conservation de l’article 27.',
      de: 'Die Verarbeitung ist gesetzlich vorgeschrieben; die Daten werden nach Ablauf der Aufbewahrungsfrist von Artikel 27 automatisch gelöscht.',
      en: 'The processing is required by law; the data are erased automatically when the retention period of Article 27 ends.',
    },
  },
  objection: {
    legalBasis: 'GDPR 21(1); GDPR 6(1)(c); Art. 9 §1 of the cooperation agreement of 31 January 2025',
    reasons: {
      nl: 'De verwerking berust op een wettelijke verplichting, niet op een gerechtvaardigd belang of een taak van algemeen belang waartegen bezwaar kan worden gemaakt.',
      fr: 'Le traitement repose sur une obligation légale, et non sur un intérêt légitime ou une mission d’intérêt public auxquels il pourrait être fait opposition.',
      de: 'Die Verarbeitung beruht auf einer rechtlichen Verpflichtung, nicht auf einem berechtigten Interesse oder einer Aufgabe im öffentlichen Interesse, denen widersprochen werden könnte.',
      en: 'The processing rests on a legal obligation, not on a legitimate interest or a task in the public interest that could be objected to.',
    },
  },
};

export const kindName = (kind: RightsRequestKind, language: Language) => KIND[kind][language];

export function acknowledgement(
  language: Language,
  vars: { kind: RightsRequestKind; received: string; due: string; controllers: string },
): Message {
  const v = { ...vars, kind: kindName(vars.kind, language) };
  return { subject: fill(ACK[language].subject, v), body: fill(ACK[language].body, v) };
}

export function extension(
  language: Language,
  vars: { kind: RightsRequestKind; controller: string; due: string; reasons: string },
): Message {
  const v = { ...vars, kind: kindName(vars.kind, language) };
  return { subject: fill(EXTENDED[language].subject, v), body: fill(EXTENDED[language].body, v) };
}

export function answered(
  language: Language,
  outcome: 'granted' | 'refused',
  vars: { kind: RightsRequestKind; controller: string; reasons: string; legalBasis: string },
): Message {
  const v = { ...vars, kind: kindName(vars.kind, language) };
  const t = ANSWERED[language][outcome];
  return { subject: fill(t.subject, v), body: fill(t.body, v).trim() };
}
