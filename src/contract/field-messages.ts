import type { Translations } from './language.js';
/** One offending field of a validation error; `code` is a key of FIELD_MESSAGES. */
export interface FieldError {
  field: string;
  code: FieldErrorCode;
}

export const FIELD_MESSAGES = {
  required: {
    nl: 'Dit veld is verplicht.',
    fr: 'Ce champ est obligatoire.',
    de: 'Dieses Feld ist erforderlich.',
    en: 'This field is required.',
  },
  invalid_format: {
    nl: 'Dit heeft niet de verwachte vorm.',
    fr: 'Ce champ n’a pas la forme attendue.',
    de: 'Diese Angabe hat nicht die erwartete Form.',
    en: 'This does not have the expected form.',
  },
  invalid_choice: {
    nl: 'Kies een van de voorgestelde waarden.',
    fr: 'Choisissez une des valeurs proposées.',
    de: 'Wählen Sie einen der angebotenen Werte.',
    en: 'Choose one of the values offered.',
  },
  too_short: {
    nl: 'Dit is te kort.',
    fr: 'Ceci est trop court.',
    de: 'Dies ist zu kurz.',
    en: 'This is too short.',
  },
  too_long: {
    nl: 'Dit is te lang.',
    fr: 'Ceci est trop long.',
    de: 'Dies ist zu lang.',
    en: 'This is too long.',
  },
  out_of_range: {
    nl: 'Deze waarde ligt buiten de toegelaten grenzen.',
    fr: 'Cette valeur est hors des limites permises.',
    de: 'Dieser Wert liegt außerhalb der zulässigen Grenzen.',
    en: 'This value is outside the allowed range.',
  },
  unknown_field: {
    nl: 'Dit veld bestaat niet in dit onderdeel.',
    fr: 'Ce champ n’existe pas dans cette section.',
    de: 'Dieses Feld gibt es in diesem Abschnitt nicht.',
    en: 'This field does not exist in this section.',
  },
  invalid_date: {
    nl: 'Geef een geldige datum in de vorm JJJJ-MM-DD.',
    fr: 'Indiquez une date valable au format AAAA-MM-JJ.',
    de: 'Geben Sie ein gültiges Datum im Format JJJJ-MM-TT an.',
    en: 'Give a valid date in the form YYYY-MM-DD.',
  },
  date_in_future: {
    nl: 'Deze datum mag niet in de toekomst liggen.',
    fr: 'Cette date ne peut pas être dans le futur.',
    de: 'Dieses Datum darf nicht in der Zukunft liegen.',
    en: 'This date cannot be in the future.',
  },
  date_in_past: {
    nl: 'Deze datum mag niet in het verleden liggen.',
    fr: 'Cette date ne peut pas être dans le passé.',
    de: 'Dieses Datum darf nicht in der Vergangenheit liegen.',
    en: 'This date cannot be in the past.',
  },
  end_before_start: {
    nl: 'De einddatum moet na de begindatum liggen.',
    fr: 'La date de fin doit suivre la date de début.',
    de: 'Das Enddatum muss nach dem Anfangsdatum liegen.',
    en: 'The end date must be after the start date.',
  },
  invalid_country: {
    nl: 'Geef een landcode van twee letters (ISO 3166-1), bv. IN of MA.',
    fr: 'Indiquez un code pays à deux lettres (ISO 3166-1), p. ex. IN ou MA.',
    de: 'Geben Sie einen zweistelligen Ländercode (ISO 3166-1) an, z. B. IN oder MA.',
    en: 'Give a two-letter country code (ISO 3166-1), e.g. IN or MA.',
  },
  eu_national: {
    nl: 'Onderdanen van de EU, de EER en Zwitserland hebben geen arbeidskaart of gecombineerde vergunning nodig.',
    fr: 'Les ressortissants de l’UE, de l’EEE et de la Suisse n’ont pas besoin de permis unique ni de permis de travail.',
    de: 'Staatsangehörige der EU, des EWR und der Schweiz brauchen keine kombinierte Erlaubnis und keine Arbeitserlaubnis.',
    en: 'Nationals of the EU, the EEA and Switzerland need no single permit or work permit.',
  },
  not_other_member_state: {
    nl: 'Geef de code van een andere lidstaat van de Europese Unie dan België (bv. NL of DE).',
    fr: 'Indiquez le code d’un autre État membre de l’Union européenne que la Belgique (p. ex. NL ou DE).',
    de: 'Geben Sie den Code eines anderen Mitgliedstaats der Europäischen Union als Belgien an (z. B. NL oder DE).',
    en: 'Give the code of a Member State of the European Union other than Belgium (e.g. NL or DE).',
  },
  invalid_niss: {
    nl: 'Dit is geen geldig rijksregister- of BIS-nummer: controleer de 11 cijfers.',
    fr: 'Ce n’est pas un numéro de registre national ou BIS valable : vérifiez les 11 chiffres.',
    de: 'Dies ist keine gültige Nationalregister- oder BIS-Nummer: prüfen Sie die 11 Ziffern.',
    en: 'This is not a valid national register or BIS number: check the 11 digits.',
  },
  invalid_enterprise_number: {
    nl: 'Dit is geen geldig ondernemingsnummer: controleer de 10 cijfers (bv. 0123.456.749).',
    fr: 'Ce n’est pas un numéro d’entreprise valable : vérifiez les 10 chiffres (p. ex. 0123.456.749).',
    de: 'Dies ist keine gültige Unternehmensnummer: prüfen Sie die 10 Ziffern (z. B. 0123.456.749).',
    en: 'This is not a valid enterprise number: check the 10 digits (e.g. 0123.456.749).',
  },
  invalid_structured_reference: {
    nl: 'Dit is geen geldige gestructureerde mededeling (+++123/4567/89012+++).',
    fr: 'Ce n’est pas une communication structurée valable (+++123/4567/89012+++).',
    de: 'Dies ist keine gültige strukturierte Mitteilung (+++123/4567/89012+++).',
    en: 'This is not a valid structured payment reference (+++123/4567/89012+++).',
  },
  unknown_postcode: {
    nl: 'Deze Belgische postcode bestaat niet.',
    fr: 'Ce code postal belge n’existe pas.',
    de: 'Diese belgische Postleitzahl gibt es nicht.',
    en: 'This Belgian postcode does not exist.',
  },
  unknown_organisation: {
    nl: 'Deze organisatie is niet gekend of heeft niet de juiste rol.',
    fr: 'Cette organisation est inconnue ou n’a pas le rôle requis.',
    de: 'Diese Organisation ist unbekannt oder hat nicht die erforderliche Rolle.',
    en: 'This organisation is unknown or does not have the required role.',
  },
  category_not_of_procedure: {
    nl: 'Deze categorie hoort niet bij de gekozen procedure.',
    fr: 'Cette catégorie ne relève pas de la procédure choisie.',
    de: 'Diese Kategorie gehört nicht zum gewählten Verfahren.',
    en: 'This category does not belong to the chosen procedure.',
  },
  section_not_of_procedure: {
    nl: 'Dit onderdeel hoort niet bij deze procedure.',
    fr: 'Cette section ne relève pas de cette procédure.',
    de: 'Dieser Abschnitt gehört nicht zu diesem Verfahren.',
    en: 'This section does not belong to this procedure.',
  },
  no_mandate: {
    nl: 'U hebt geen geldig mandaat van deze werkgever voor al zijn dossiers.',
    fr: 'Vous n’avez pas de mandat valable de cet employeur pour tous ses dossiers.',
    de: 'Sie haben kein gültiges Mandat dieses Arbeitgebers für alle seine Dossiers.',
    en: 'You hold no valid mandate from this employer for all its dossiers.',
  },
  passport_expired: {
    nl: 'Dit paspoort is verlopen. Laat het paspoort eerst vernieuwen en vul dan het nummer en de vervaldatum van het nieuwe paspoort in.',
    fr: 'Ce passeport est expiré. Faites d’abord renouveler le passeport, puis indiquez le numéro et la date d’expiration du nouveau passeport.',
    de: 'Dieser Reisepass ist abgelaufen. Lassen Sie den Pass zuerst erneuern und geben Sie dann Nummer und Ablaufdatum des neuen Passes an.',
    en: 'This passport has expired. Have the passport renewed first, then enter the number and expiry date of the new passport.',
  },
  passport_expires_before_stay_end: {
    nl: 'Het paspoort vervalt vóór het einde van de gevraagde tewerkstelling. Vul een paspoort in dat geldig blijft tot minstens de einddatum van de tewerkstelling (laat het zo nodig eerst vernieuwen), of verbeter de data.',
    fr: 'Le passeport expire avant la fin de l’occupation demandée. Indiquez un passeport valable au moins jusqu’à la date de fin de l’occupation (faites-le d’abord renouveler si nécessaire), ou corrigez les dates.',
    de: 'Der Reisepass läuft vor dem Ende der beantragten Beschäftigung ab. Geben Sie einen Pass an, der mindestens bis zum Enddatum der Beschäftigung gültig ist (lassen Sie ihn nötigenfalls zuerst erneuern), oder berichtigen Sie die Daten.',
    en: 'The passport expires before the end of the requested employment. Enter a passport that stays valid until at least the end date of employment (have it renewed first if needed), or correct the dates.',
  },
  stay_ends_after_passport: {
    nl: 'Deze datum ligt na de vervaldatum van het paspoort (stap Verblijf). Verbeter de datum, of laat het paspoort eerst vernieuwen en vul bij Verblijf de vervaldatum van het nieuwe paspoort in.',
    fr: 'Cette date est postérieure à la date d’expiration du passeport (étape Séjour). Corrigez la date, ou faites d’abord renouveler le passeport et indiquez sous Séjour la date d’expiration du nouveau passeport.',
    de: 'Dieses Datum liegt nach dem Ablaufdatum des Reisepasses (Schritt Aufenthalt). Berichtigen Sie das Datum oder lassen Sie den Pass zuerst erneuern und geben Sie unter Aufenthalt das Ablaufdatum des neuen Passes an.',
    en: 'This date is after the passport’s expiry date (Residence step). Correct the date, or have the passport renewed first and enter the new passport’s expiry date under Residence.',
  },
  issued_after_expiry: {
    nl: 'De afgiftedatum moet vóór de vervaldatum liggen. Neem beide data over zoals ze in het paspoort staan.',
    fr: 'La date de délivrance doit précéder la date d’expiration. Recopiez les deux dates telles qu’elles figurent dans le passeport.',
    de: 'Das Ausstellungsdatum muss vor dem Ablaufdatum liegen. Übernehmen Sie beide Daten so, wie sie im Pass stehen.',
    en: 'The date of issue must be before the expiry date. Copy both dates exactly as they appear in the passport.',
  },
  birth_date_in_future: {
    nl: 'Een geboortedatum kan niet in de toekomst liggen. Controleer vooral het jaar (JJJJ-MM-DD).',
    fr: 'Une date de naissance ne peut pas être dans le futur. Vérifiez surtout l’année (AAAA-MM-JJ).',
    de: 'Ein Geburtsdatum kann nicht in der Zukunft liegen. Prüfen Sie vor allem das Jahr (JJJJ-MM-TT).',
    en: 'A date of birth cannot be in the future. Check the year in particular (YYYY-MM-DD).',
  },
  enterprise_number_not_applicant: {
    nl: 'Dit is niet het ondernemingsnummer van de werkgever voor wie deze aanvraag loopt. Vul het eigen nummer van de werkgever in; voor een andere werkgever start u een nieuwe aanvraag, aangemeld als die werkgever of met een mandaat van hem.',
    fr: 'Ce n’est pas le numéro d’entreprise de l’employeur pour qui cette demande est faite. Indiquez le numéro propre de l’employeur ; pour un autre employeur, commencez une nouvelle demande, connecté comme cet employeur ou avec un mandat de sa part.',
    de: 'Dies ist nicht die Unternehmensnummer des Arbeitgebers, für den dieser Antrag gestellt wird. Geben Sie die eigene Nummer des Arbeitgebers an; für einen anderen Arbeitgeber beginnen Sie einen neuen Antrag, angemeldet als dieser Arbeitgeber oder mit einem Mandat von ihm.',
    en: 'This is not the enterprise number of the employer this application is made for. Enter the employer’s own number; for another employer, start a new application signed in as that employer or under a mandate from it.',
  },
  document_not_in_dossier: {
    nl: 'Dit document hoort niet bij dit dossier.',
    fr: 'Ce document n’appartient pas à ce dossier.',
    de: 'Dieses Dokument gehört nicht zu diesem Dossier.',
    en: 'This document does not belong to this dossier.',
  },
} as const satisfies Record<string, Translations>;

export type FieldErrorCode = keyof typeof FIELD_MESSAGES;
