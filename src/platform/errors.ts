import type { FieldError } from '../contract/field-messages.js';
import type { Language, Translations } from '../contract/language.js';

/**
 * The one catalogue of errors a client can receive. The code is stable and becomes the
 * problem type; titles are shown to people, so they say what to do, in their language.
 */
export const ERROR_CATALOGUE = {
  validation_failed: {
    status: 422,
    title: {
      nl: 'Sommige gegevens zijn niet correct. Verbeter de aangeduide velden.',
      fr: 'Certaines données ne sont pas correctes. Corrigez les champs indiqués.',
      de: 'Einige Angaben sind nicht korrekt. Bitte berichtigen Sie die markierten Felder.',
      en: 'Some data is not correct. Please correct the fields listed.',
    },
  },
  dossier_incomplete: {
    status: 422,
    title: {
      nl: 'Het dossier is nog niet volledig. Vul de ontbrekende gegevens en documenten aan.',
      fr: 'Le dossier n’est pas encore complet. Ajoutez les données et documents manquants.',
      de: 'Das Dossier ist noch nicht vollständig. Ergänzen Sie die fehlenden Angaben und Dokumente.',
      en: 'The dossier is not complete yet. Add the missing data and documents.',
    },
  },
  not_found: {
    status: 404,
    title: {
      nl: 'Niet gevonden.',
      fr: 'Introuvable.',
      de: 'Nicht gefunden.',
      en: 'Not found.',
    },
  },
  unauthenticated: {
    status: 401,
    title: {
      nl: 'Meld u aan om verder te gaan.',
      fr: 'Connectez-vous pour continuer.',
      de: 'Bitte melden Sie sich an, um fortzufahren.',
      en: 'Please sign in to continue.',
    },
  },
  invalid_credentials: {
    status: 401,
    title: {
      nl: 'Gebruikersnaam of wachtwoord is onjuist.',
      fr: 'Nom d’utilisateur ou mot de passe incorrect.',
      de: 'Benutzername oder Passwort ist falsch.',
      en: 'The username or password is wrong.',
    },
  },
  csrf_token_invalid: {
    status: 403,
    title: {
      nl: 'Uw sessie kon niet worden bevestigd. Laad de pagina opnieuw en probeer nog eens.',
      fr: 'Votre session n’a pas pu être confirmée. Rechargez la page et réessayez.',
      de: 'Ihre Sitzung konnte nicht bestätigt werden. Laden Sie die Seite neu und versuchen Sie es erneut.',
      en: 'Your session could not be confirmed. Reload the page and try again.',
    },
  },
  action_forbidden: {
    status: 403,
    title: {
      nl: 'U mag deze handeling niet verrichten voor dit dossier.',
      fr: 'Vous ne pouvez pas effectuer cet acte pour ce dossier.',
      de: 'Sie dürfen diese Handlung für dieses Dossier nicht vornehmen.',
      en: 'You may not perform this action on this dossier.',
    },
  },
  action_not_allowed_in_state: {
    status: 409,
    title: {
      nl: 'Deze handeling is niet mogelijk in de huidige stand van het dossier.',
      fr: 'Cet acte n’est pas possible dans l’état actuel du dossier.',
      de: 'Diese Handlung ist im aktuellen Stand des Dossiers nicht möglich.',
      en: 'This action is not possible in the dossier’s current state.',
    },
  },
  action_not_in_procedure: {
    status: 422,
    title: {
      nl: 'Deze handeling bestaat niet voor deze procedure (bv. een beslissing over verblijf bij een beroepskaart).',
      fr: 'Cet acte n’existe pas pour cette procédure (p. ex. une décision de séjour pour une carte professionnelle).',
      de: 'Diese Handlung gibt es für dieses Verfahren nicht (z. B. eine Aufenthaltsentscheidung bei einer Berufskarte).',
      en: 'This action does not exist for this procedure (e.g. a residence decision on a professional card).',
    },
  },
  deadline_already_extended: {
    status: 409,
    title: {
      nl: 'De beslissingstermijn werd al eenmaal verlengd; een tweede verlenging is niet toegestaan.',
      fr: 'Le délai de décision a déjà été prolongé une fois ; une seconde prolongation n’est pas permise.',
      de: 'Die Entscheidungsfrist wurde bereits einmal verlängert; eine zweite Verlängerung ist nicht zulässig.',
      en: 'The decision period was already extended once; a second extension is not allowed.',
    },
  },
  hold_not_open: {
    status: 409,
    title: {
      nl: 'Er is geen lopende bewaringsgrond met dit kenmerk van uw overheid in dit dossier.',
      fr: 'Aucun motif de conservation en cours portant cet identifiant et émanant de votre autorité dans ce dossier.',
      de: 'In diesem Dossier gibt es keinen laufenden Aufbewahrungsgrund Ihrer Behörde mit dieser Kennung.',
      en: 'There is no open hold with this identifier of your authority in this dossier.',
    },
  },
  fee_not_due: {
    status: 409,
    title: {
      nl: 'Voor dit dossier is geen retributie verschuldigd: er valt geen betaling te bevestigen.',
      fr: 'Aucune redevance n’est due pour ce dossier : il n’y a pas de paiement à confirmer.',
      de: 'Für dieses Dossier ist keine Gebühr geschuldet: Es gibt keine Zahlung zu bestätigen.',
      en: 'No fee is due for this dossier: there is no payment to confirm.',
    },
  },
  fee_already_confirmed: {
    status: 409,
    title: {
      nl: 'De betaling van de retributie is al bevestigd; u hoeft niets meer te doen.',
      fr: 'Le paiement de la redevance est déjà confirmé ; vous n’avez plus rien à faire.',
      de: 'Die Zahlung der Gebühr ist bereits bestätigt; Sie müssen nichts mehr tun.',
      en: 'The fee payment is already confirmed; there is nothing more to do.',
    },
  },
  request_not_open: {
    status: 409,
    title: {
      nl: 'Deze vraag om documenten is niet (meer) open.',
      fr: 'Cette demande de documents n’est pas (ou plus) ouverte.',
      de: 'Diese Anforderung von Dokumenten ist nicht (mehr) offen.',
      en: 'This request for documents is not open.',
    },
  },
  answer_adds_nothing: {
    status: 422,
    title: {
      nl: 'Uw antwoord bevat geen nieuw document. Laad de gevraagde documenten op en voeg ze bij uw antwoord; tot dan blijft de termijn geschorst.',
      fr: 'Votre réponse ne contient aucun nouveau document. Chargez les documents demandés et joignez-les à votre réponse ; d’ici là, le délai reste suspendu.',
      de: 'Ihre Antwort enthält kein neues Dokument. Laden Sie die angeforderten Dokumente hoch und fügen Sie sie Ihrer Antwort bei; bis dahin bleibt die Frist ausgesetzt.',
      en: 'Your answer contains no new document. Upload the documents asked for and add them to your answer; until then the decision period stays suspended.',
    },
  },
  procedure_not_in_force: {
    status: 422,
    title: {
      nl: 'De aanvraag van een beroepskaart via het platform is nog niet in werking getreden.',
      fr: 'La demande de carte professionnelle via la plateforme n’est pas encore entrée en vigueur.',
      de: 'Der Antrag auf eine Berufskarte über die Plattform ist noch nicht in Kraft getreten.',
      en: 'Applying for a professional card through the platform is not yet in force.',
    },
  },
  previous_permit_not_found: {
    status: 422,
    title: {
      nl: 'Er is geen toegekende vergunning met deze referentie waarop u kunt voortbouwen.',
      fr: 'Aucune autorisation accordée ne porte cette référence.',
      de: 'Es gibt keine erteilte Genehmigung mit dieser Referenz.',
      en: 'There is no granted permit with this reference to build on.',
    },
  },
  idempotency_key_expired: {
    status: 422,
    title: {
      nl: 'Deze Idempotency-Key werd meer dan een week geleden gebruikt; het antwoord wordt niet meer herhaald. Gebruik een nieuwe sleutel.',
      fr: 'Cette Idempotency-Key a été utilisée il y a plus d’une semaine ; la réponse n’est plus rejouée. Utilisez une nouvelle clé.',
      de: 'Dieser Idempotency-Key wurde vor mehr als einer Woche verwendet; die Antwort wird nicht mehr wiederholt. Verwenden Sie einen neuen Schlüssel.',
      en: 'This Idempotency-Key was used more than a week ago; its answer is no longer replayed. Use a new key.',
    },
  },
  idempotency_key_reused: {
    status: 422,
    title: {
      nl: 'Deze Idempotency-Key werd al gebruikt voor een andere aanvraag.',
      fr: 'Cette Idempotency-Key a déjà été utilisée pour une autre requête.',
      de: 'Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet.',
      en: 'This Idempotency-Key was already used for a different request.',
    },
  },
  document_type_not_accepted: {
    status: 415,
    title: {
      nl: 'Enkel PDF-, JPEG- en PNG-bestanden worden aanvaard.',
      fr: 'Seuls les fichiers PDF, JPEG et PNG sont acceptés.',
      de: 'Nur PDF-, JPEG- und PNG-Dateien werden angenommen.',
      en: 'Only PDF, JPEG and PNG files are accepted.',
    },
  },
  document_too_large: {
    status: 413,
    title: {
      nl: 'Het bestand is te groot (maximaal 10 MB).',
      fr: 'Le fichier est trop volumineux (10 Mo maximum).',
      de: 'Die Datei ist zu groß (höchstens 10 MB).',
      en: 'The file is too large (10 MB at most).',
    },
  },
  document_active_content: {
    status: 422,
    title: {
      nl: 'Het bestand bevat actieve inhoud (scripts, startacties, ingesloten bestanden of formulieren). Sla het op als gewone PDF (bv. via "Afdrukken naar PDF") en laad het opnieuw op.',
      fr: 'Le fichier contient du contenu actif (scripts, actions de lancement, fichiers incorporés ou formulaires). Enregistrez-le comme PDF simple (p. ex. « Imprimer en PDF ») et chargez-le à nouveau.',
      de: 'Die Datei enthält aktive Inhalte (Skripte, Startaktionen, eingebettete Dateien oder Formulare). Speichern Sie sie als einfaches PDF (z. B. „Als PDF drucken“) und laden Sie sie erneut hoch.',
      en: 'The file contains active content (scripts, launch actions, embedded files or forms). Save it as a plain PDF (for example with "Print to PDF") and upload it again.',
    },
  },
  document_unreadable: {
    status: 422,
    title: {
      nl: 'Het bestand is beschadigd, onvolledig of niet alleen een PDF-, JPEG- of PNG-bestand. Maak het opnieuw aan en laad het opnieuw op.',
      fr: 'Le fichier est endommagé, incomplet ou n’est pas uniquement un fichier PDF, JPEG ou PNG. Recréez-le et chargez-le à nouveau.',
      de: 'Die Datei ist beschädigt, unvollständig oder nicht nur eine PDF-, JPEG- oder PNG-Datei. Erstellen Sie sie neu und laden Sie sie erneut hoch.',
      en: 'The file is damaged, incomplete or not only a PDF, JPEG or PNG file. Create it again and upload it again.',
    },
  },
  request_malformed: {
    status: 400,
    title: {
      nl: 'Het verzoek kon niet worden gelezen. Controleer het formaat en probeer opnieuw.',
      fr: 'La requête n’a pas pu être lue. Vérifiez son format et réessayez.',
      de: 'Die Anfrage konnte nicht gelesen werden. Prüfen Sie das Format und versuchen Sie es erneut.',
      en: 'The request could not be read. Check its format and try again.',
    },
  },
  request_too_large: {
    status: 413,
    title: {
      nl: 'Het verzoek is te groot (maximaal 1 MB gegevens; bestanden tot 10 MB via het opladen van documenten).',
      fr: 'La requête est trop volumineuse (1 Mo de données au maximum ; fichiers jusqu’à 10 Mo par le chargement de documents).',
      de: 'Die Anfrage ist zu groß (höchstens 1 MB Daten; Dateien bis 10 MB über das Hochladen von Dokumenten).',
      en: 'The request is too large (1 MB of data at most; files up to 10 MB through the document upload).',
    },
  },
  request_uri_too_long: {
    status: 414,
    title: {
      nl: 'Het adres van het verzoek is te lang.',
      fr: 'L’adresse de la requête est trop longue.',
      de: 'Die Adresse der Anfrage ist zu lang.',
      en: 'The address of the request is too long.',
    },
  },
  request_headers_too_large: {
    status: 431,
    title: {
      nl: 'De kopregels van het verzoek zijn te groot. Verwijder cookies van deze site en probeer opnieuw.',
      fr: 'Les en-têtes de la requête sont trop volumineux. Supprimez les cookies de ce site et réessayez.',
      de: 'Die Kopfzeilen der Anfrage sind zu groß. Löschen Sie die Cookies dieser Website und versuchen Sie es erneut.',
      en: 'The request headers are too large. Delete this site’s cookies and try again.',
    },
  },
  too_many_attempts: {
    status: 429,
    title: {
      nl: 'Te veel pogingen kort na elkaar. Wacht even en probeer opnieuw.',
      fr: 'Trop de tentatives rapprochées. Patientez un instant et réessayez.',
      de: 'Zu viele Versuche kurz hintereinander. Warten Sie einen Moment und versuchen Sie es erneut.',
      en: 'Too many attempts in a short time. Wait a moment and try again.',
    },
  },
  second_factor_required: {
    status: 401,
    title: {
      nl: 'Geef de zescijferige code van uw authenticatie-app.',
      fr: 'Indiquez le code à six chiffres de votre application d’authentification.',
      de: 'Geben Sie den sechsstelligen Code Ihrer Authentifizierungs-App ein.',
      en: 'Give the six-digit code of your authenticator app.',
    },
  },
  second_factor_invalid: {
    status: 401,
    title: {
      nl: 'Deze code is onjuist of verlopen.',
      fr: 'Ce code est incorrect ou expiré.',
      de: 'Dieser Code ist falsch oder abgelaufen.',
      en: 'This code is wrong or has expired.',
    },
  },
  token_scope_insufficient: {
    status: 403,
    title: {
      nl: 'Dit API-token heeft niet de nodige toestemming voor deze handeling.',
      fr: 'Ce jeton d’API n’a pas l’autorisation nécessaire pour cet acte.',
      de: 'Dieses API-Token hat nicht die nötige Berechtigung für diese Handlung.',
      en: 'This API token does not have the scope this action needs.',
    },
  },
  claim_not_matching: {
    status: 422,
    title: {
      nl: 'Deze gegevens komen niet overeen met een dossier dat u kunt opeisen.',
      fr: 'Ces données ne correspondent à aucun dossier que vous pouvez revendiquer.',
      de: 'Diese Angaben passen zu keinem Dossier, das Sie beanspruchen können.',
      en: 'These details do not match a dossier you can claim.',
    },
  },
  claim_code_invalid: {
    status: 422,
    title: {
      nl: 'De code is onjuist of verlopen. Vraag een nieuwe code aan.',
      fr: 'Le code est incorrect ou expiré. Demandez un nouveau code.',
      de: 'Der Code ist falsch oder abgelaufen. Fordern Sie einen neuen Code an.',
      en: 'The code is wrong or has expired. Ask for a new code.',
    },
  },
  designation_of_oneself: {
    status: 409,
    title: {
      nl: 'Niemand kan zichzelf aanwijzen of de eigen aanwijzing valideren: twee andere personen doen dat.',
      fr: 'Nul ne peut se désigner soi-même ni valider sa propre désignation : deux autres personnes le font.',
      de: 'Niemand kann sich selbst benennen oder die eigene Benennung bestätigen: das tun zwei andere Personen.',
      en: 'Nobody can designate themselves or validate their own designation: two other persons do.',
    },
  },
  designation_needs_second_person: {
    status: 409,
    title: {
      nl: 'Een aanwijzing moet worden gevalideerd door een andere persoon van dezelfde verwerkingsverantwoordelijke.',
      fr: 'Une désignation doit être validée par une autre personne du même responsable du traitement.',
      de: 'Eine Benennung muss von einer anderen Person desselben Verantwortlichen bestätigt werden.',
      en: 'A designation must be validated by another person of the same controller.',
    },
  },
  not_assigned_to_you: {
    status: 409,
    title: {
      nl: 'Dit dossier is niet aan u toegewezen; alleen wie het behandelt, kan het teruggeven.',
      fr: 'Ce dossier ne vous est pas attribué ; seule la personne qui le traite peut le remettre.',
      de: 'Dieses Dossier ist Ihnen nicht zugewiesen; nur wer es bearbeitet, kann es zurückgeben.',
      en: 'This dossier is not assigned to you; only the person handling it can hand it back.',
    },
  },
  search_required: {
    status: 403,
    title: {
      nl: 'Inspectiediensten vinden dossiers via een opzoeking met vermelding van het doel (art. 25), niet via een lijst.',
      fr: 'Les services d’inspection trouvent les dossiers par une recherche qui en indique la finalité (art. 25), pas par une liste.',
      de: 'Inspektionsdienste finden Dossiers über eine Suche mit Angabe des Zwecks (Art. 25), nicht über eine Liste.',
      en: 'Inspection services find dossiers through a search that states its purpose (Art. 25), not through a list.',
    },
  },
  purpose_required: {
    status: 422,
    title: {
      nl: 'Vermeld het doel van deze raadpleging (bij wederzijdse erkenning ook de code van het doel) en het dossier waarvoor u ze nodig hebt.',
      fr: 'Indiquez la finalité de cette consultation (en reconnaissance mutuelle, aussi le code de la finalité) et le dossier pour lequel vous en avez besoin.',
      de: 'Geben Sie den Zweck dieser Einsichtnahme (bei gegenseitiger Anerkennung auch den Code des Zwecks) und das Dossier an, für das Sie sie brauchen.',
      en: 'State the purpose of this consultation (for mutual recognition, also the code of the purpose) and the dossier you need it for.',
    },
  },
  clock_fixed: {
    status: 403,
    title: {
      nl: 'De klok van het platform kan alleen in de demonstratie worden verzet.',
      fr: 'L’horloge de la plateforme ne peut être avancée qu’en démonstration.',
      de: 'Die Uhr der Plattform kann nur im Demonstrationsmodus vorgestellt werden.',
      en: 'The platform’s clock can only be moved in demo mode.',
    },
  },
  oversight_only: {
    status: 403,
    title: {
      nl: 'Alleen de functionaris voor gegevensbescherming of de beheerder van het platform kan dit raadplegen.',
      fr: 'Seul le délégué à la protection des données ou l’opérateur de la plateforme peut consulter ceci.',
      de: 'Nur der Datenschutzbeauftragte oder der Betreiber der Plattform kann dies einsehen.',
      en: 'Only the data protection officer or the platform’s operator can consult this.',
    },
  },
  document_erased: {
    status: 410,
    title: {
      nl: 'Dit document werd gewist; het kan niet meer worden geopend.',
      fr: 'Ce document a été effacé ; il ne peut plus être ouvert.',
      de: 'Dieses Dokument wurde gelöscht; es kann nicht mehr geöffnet werden.',
      en: 'This document was erased; it can no longer be opened.',
    },
  },
  // Not a 500: the platform works, the file store handed back bytes that are not the file stored.
  document_damaged: {
    status: 502,
    title: {
      nl: 'Het bewaarde bestand van dit document is beschadigd en wordt niet vrijgegeven. Meld het aan de helpdesk.',
      fr: 'Le fichier conservé de ce document est endommagé et n’est pas communiqué. Signalez-le au service d’assistance.',
      de: 'Die gespeicherte Datei dieses Dokuments ist beschädigt und wird nicht herausgegeben. Bitte melden Sie es dem Helpdesk.',
      en: 'The stored file of this document is damaged and is not released. Please report it to the helpdesk.',
    },
  },
  database_busy: {
    status: 503,
    title: {
      nl: 'Het platform is tijdelijk niet beschikbaar. Probeer het zo opnieuw.',
      fr: 'La plateforme est temporairement indisponible. Réessayez dans un instant.',
      de: 'Die Plattform ist vorübergehend nicht verfügbar. Bitte versuchen Sie es gleich noch einmal.',
      en: 'The platform is temporarily unavailable. Please try again shortly.',
    },
  },
  source_unavailable: {
    status: 503,
    title: {
      nl: 'De Kruispuntbank van Ondernemingen antwoordt nu niet. Probeer het zo opnieuw of vul de gegevens zelf in.',
      fr: 'La Banque-Carrefour des Entreprises ne répond pas pour l’instant. Réessayez ou complétez les données vous-même.',
      de: 'Die Zentrale Datenbank der Unternehmen antwortet gerade nicht. Versuchen Sie es erneut oder geben Sie die Angaben selbst ein.',
      en: 'The Crossroads Bank for Enterprises is not answering right now. Try again shortly or fill in the data yourself.',
    },
  },
  dossier_restricted: {
    status: 409,
    title: {
      nl: 'De verwerking van dit dossier is beperkt op verzoek van de betrokkene (AVG art. 18); alleen opslag is mogelijk tot de beperking wordt opgeheven.',
      fr: 'Le traitement de ce dossier est limité à la demande de la personne concernée (RGPD art. 18) ; seule la conservation est possible jusqu’à la levée de la limitation.',
      de: 'Die Verarbeitung dieses Dossiers ist auf Antrag der betroffenen Person eingeschränkt (DSGVO Art. 18); bis zur Aufhebung ist nur die Speicherung möglich.',
      en: 'Processing of this dossier is restricted at the request of the person concerned (GDPR 18); only storage continues until the restriction is lifted.',
    },
  },
  rights_request_not_open: {
    status: 409,
    title: {
      nl: 'Dit verzoek heeft geen open deel meer dat uw organisatie moet beantwoorden.',
      fr: 'Cette demande n’a plus de partie ouverte à laquelle votre organisation doit répondre.',
      de: 'Dieser Antrag hat keinen offenen Teil mehr, den Ihre Organisation beantworten muss.',
      en: 'This request has no open part left for your organisation to answer.',
    },
  },
  rights_request_already_extended: {
    status: 409,
    title: {
      nl: 'De antwoordtermijn van dit verzoek werd al verlengd; de AVG staat één verlenging van twee maanden toe.',
      fr: 'Le délai de réponse de cette demande a déjà été prolongé ; le RGPD permet une seule prolongation de deux mois.',
      de: 'Die Antwortfrist dieses Antrags wurde bereits verlängert; die DSGVO erlaubt eine Verlängerung um zwei Monate.',
      en: 'The answer period of this request was already extended; the GDPR allows one extension of two months.',
    },
  },
  statistics_inconsistent: {
    status: 409,
    title: {
      nl: 'De totalen van de Eurostat-tabellen van dit jaar stemmen niet overeen; bekijk de controle voor u ze doorstuurt.',
      fr: 'Les totaux des tableaux Eurostat de cette année ne concordent pas ; consultez le contrôle avant de les transmettre.',
      de: 'Die Summen der Eurostat-Tabellen dieses Jahres stimmen nicht überein; prüfen Sie die Kontrolle vor der Übermittlung.',
      en: 'The totals of this year’s Eurostat tables do not agree; look at the check before transmitting them.',
    },
  },
  committee_member_not_sitting: {
    status: 409,
    title: {
      nl: 'Dit lid zit niet voor zijn instantie in deze vergadering: het is afwezig, of het is een plaatsvervanger en de vertegenwoordiger is aanwezig.',
      fr: 'Ce membre ne siège pas pour son autorité à cette réunion : il est absent, ou c’est un suppléant et le représentant est présent.',
      de: 'Dieses Mitglied vertritt seine Behörde in dieser Sitzung nicht: Es ist abwesend, oder es ist ein Stellvertreter und der Vertreter ist anwesend.',
      en: 'This member does not sit for their body at this meeting: they are absent, or they are a substitute and the representative is present.',
    },
  },
  committee_seat_already_voted: {
    status: 409,
    title: {
      nl: 'Voor deze instantie werd al gestemd over dit punt; elke instantie heeft één stem.',
      fr: 'Cette autorité a déjà voté sur ce point ; chaque autorité dispose d’une voix.',
      de: 'Für diese Behörde wurde zu diesem Punkt bereits abgestimmt; jede Behörde hat eine Stimme.',
      en: 'This body has already voted on this item; each body has one vote.',
    },
  },
  committee_item_not_open: {
    status: 409,
    title: {
      nl: 'Over dit agendapunt kan niet (meer) worden gestemd: het is ter informatie of de stemming is gesloten.',
      fr: 'Ce point de l’ordre du jour ne peut pas (ou plus) être voté : il est pour information ou le vote est clos.',
      de: 'Über diesen Tagesordnungspunkt kann nicht (mehr) abgestimmt werden: Er dient der Information oder die Abstimmung ist geschlossen.',
      en: 'This agenda item cannot be voted on (any more): it is for information, or its vote is closed.',
    },
  },
  committee_attendance_fixed: {
    status: 409,
    title: {
      nl: 'De aanwezigheid ligt vast zodra er gestemd is; vermeld een late aankomst in de notulen.',
      fr: 'Les présences sont fixées dès qu’un vote a eu lieu ; mentionnez une arrivée tardive dans le procès-verbal.',
      de: 'Die Anwesenheit steht fest, sobald abgestimmt wurde; vermerken Sie eine späte Ankunft im Protokoll.',
      en: 'Attendance is fixed once a vote has been cast; note a late arrival in the minutes.',
    },
  },
  committee_votes_open: {
    status: 409,
    title: {
      nl: 'Sluit eerst de stemming over elk beslissingspunt voor u de notulen afsluit.',
      fr: 'Clôturez d’abord le vote sur chaque point de décision avant de clore le procès-verbal.',
      de: 'Schließen Sie zuerst die Abstimmung über jeden Beschlusspunkt, bevor Sie das Protokoll abschließen.',
      en: 'Close the vote on every decision item before closing the minutes.',
    },
  },
  committee_meeting_closed: {
    status: 409,
    title: {
      nl: 'De notulen van deze vergadering zijn afgesloten; haar verslag verandert niet meer.',
      fr: 'Le procès-verbal de cette réunion est clos ; son compte rendu ne change plus.',
      de: 'Das Protokoll dieser Sitzung ist abgeschlossen; ihr Bericht ändert sich nicht mehr.',
      en: 'The minutes of this meeting are closed; its record no longer changes.',
    },
  },
  cost_key_invalid: {
    status: 422,
    title: {
      nl: 'De vaste verdeelsleutel moet een aandeel geven aan elk gewest, samen precies 100 %.',
      fr: 'La clé fixe doit donner une part à chaque région, pour un total d’exactement 100 %.',
      de: 'Der feste Schlüssel muss jeder Region einen Anteil geben, zusammen genau 100 %.',
      en: 'A fixed key must give each region a share, adding up to exactly 100 %.',
    },
  },
  internal_error: {
    status: 500,
    title: {
      nl: 'Er ging iets mis aan onze kant. Er werd niets gewijzigd; probeer het later opnieuw.',
      fr: 'Un problème est survenu de notre côté. Rien n’a été modifié ; réessayez plus tard.',
      de: 'Bei uns ist ein Fehler aufgetreten. Es wurde nichts geändert; bitte versuchen Sie es später erneut.',
      en: 'Something went wrong on our side. Nothing was changed; please try again later.',
    },
  },
} as const satisfies Record<string, { status: number; title: Translations }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface MissingItem {
  kind: 'field' | 'document';
  section?: string;
  name: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly extra: {
      errors?: FieldError[];
      missing?: MissingItem[];
      /** procedure_not_in_force: the date the procedure may be filed from, null while none is set. */
      inForceFrom?: string | null;
      /** too_many_attempts: seconds until the next attempt is let through (also the Retry-After header). */
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(code);
  }
}

/**
 * The detail of procedure_not_in_force, naming the date (Art. 36 leaves it to a later act, so there
 * may be none yet). `{date}` is the legal date, YYYY-MM-DD.
 */
export const IN_FORCE_DETAIL: { from: Translations; none: Translations } = {
  from: {
    nl: 'Deze procedure kan via het platform worden ingediend vanaf {date}.',
    fr: 'Cette procédure peut être introduite via la plateforme à partir du {date}.',
    de: 'Dieses Verfahren kann ab dem {date} über die Plattform beantragt werden.',
    en: 'This procedure can be filed through the platform from {date}.',
  },
  none: {
    nl: 'De datum van inwerkingtreding moet nog worden vastgelegd door een uitvoerend samenwerkingsakkoord.',
    fr: 'La date d’entrée en vigueur doit encore être fixée par un accord de coopération d’exécution.',
    de: 'Das Datum des Inkrafttretens muss noch durch ein ausführendes Zusammenarbeitsabkommen festgelegt werden.',
    en: 'The date of entry into force is still to be set by an executing cooperation agreement.',
  },
};

export function errorTitle(code: ErrorCode, language: Language): string {
  return ERROR_CATALOGUE[code].title[language];
}

/** The detail of too_many_attempts: how long to wait. `{seconds}` is a whole number. */
export const RETRY_AFTER_DETAIL: Translations = {
  nl: 'U kunt het opnieuw proberen over {seconds} seconden.',
  fr: 'Vous pourrez réessayer dans {seconds} secondes.',
  de: 'Sie können es in {seconds} Sekunden erneut versuchen.',
  en: 'You can try again in {seconds} seconds.',
};
