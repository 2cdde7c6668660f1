import { z } from 'zod';
import { readAccessLog, readEvents } from '../access/history.js';
import { actedBy, appendAudit } from '../audit/audit.js';
import type { Language } from '../contract/language.js';
import { AccessLogEntry, DossierEvent } from '../contract/lists.js';
import { RightsRequestView } from '../contract/rights.js';
import { DossierViewWithSources, Instant } from '../contract/views.js';
import type { AppDeps } from '../deps.js';
import { readDossier } from '../dossier/view.js';
import type { Actor } from '../identity/actor.js';
import { renderLetter, type Block } from '../letters/letter-pdf.js';
import { PROCEDURE_NAME } from '../letters/letter-texts.js';
import { legalDate } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { DATA_SUBJECT_PURPOSE, requestViews } from './requests.js';

/*
 * Access and portability (GDPR 15, 20): everything the platform holds on the person across the
 * dossiers they claimed, read through the gate like every read — each dossier with the purpose
 * of a data subject request, so the access log shows the export as it shows any other read.
 */

export const PersonExport = z.object({
  generatedAt: Instant,
  person: z.object({ name: z.string(), username: z.string() }),
  dossiers: z.array(
    z.object({
      dossier: DossierViewWithSources,
      events: z.array(DossierEvent),
      accessLog: z.array(AccessLogEntry),
    }),
  ),
  rightsRequests: z.array(RightsRequestView),
});
export type PersonExport = z.infer<typeof PersonExport>;

/** GET /me/export: one export of the person's data, through the gate, in one transaction. */
export async function exportOfPerson(deps: AppDeps, actor: Actor): Promise<PersonExport> {
  if (actor.organisation.kind !== 'worker') throw new AppError('action_forbidden');
  return deps.db.transaction().execute(async (tx) => {
    const claimed = await tx
      .selectFrom('dossier_subject')
      .select('dossier_id')
      .where('user_id', '=', actor.userId)
      .orderBy('claimed_at')
      .execute();
    const context = { purpose: DATA_SUBJECT_PURPOSE };
    const dossiers: PersonExport['dossiers'] = [];
    for (const { dossier_id: id } of claimed) {
      try {
        const dossier = await readDossier(tx, actor, deps.clock, id, context);
        const events = await readEvents(tx, actor, deps.clock, id, context);
        const accessLog = await readAccessLog(tx, actor, deps.clock, id);
        dossiers.push({ dossier, events: events.items, accessLog: accessLog.items });
      } catch (error) {
        // A dossier claimed once but no longer shown to the person (e.g. deleted) holds nothing.
        if (error instanceof AppError && error.code === 'not_found') continue;
        throw error;
      }
    }
    const rightsRequests = await requestViews(tx, actor, deps.clock, {});
    const now = deps.clock.now();
    await appendAudit(tx, actedBy(actor, now, 'rights_export', { details: { dossiers: dossiers.length } }));
    return {
      generatedAt: now.toISOString(),
      person: { name: actor.name, username: actor.username },
      dossiers,
      rightsRequests,
    };
  });
}

const WORDS: Record<string, Record<Language, string>> = {
  title: {
    nl: 'Uw gegevens op het platform Working in Belgium',
    fr: 'Vos données sur la plateforme Working in Belgium',
    de: 'Ihre Daten auf der Plattform Working in Belgium',
    en: 'Your data on the Working in Belgium platform',
  },
  intro: {
    nl: 'Uittreksel van alle gegevens die het platform over u bewaart (AVG art. 15 en 20). De volledige gegevens staan in de JSON-export.',
    fr: 'Extrait de toutes les données que la plateforme conserve à votre sujet (RGPD art. 15 et 20). Les données complètes figurent dans l’export JSON.',
    de: 'Auszug aller Daten, die die Plattform über Sie speichert (DSGVO Art. 15 und 20). Die vollständigen Daten stehen im JSON-Export.',
    en: 'An extract of all the data the platform holds on you (GDPR 15 and 20). The complete data are in the JSON export.',
  },
  generated: { nl: 'Opgemaakt op', fr: 'Établi le', de: 'Erstellt am', en: 'Made on' },
  dossier: { nl: 'Dossier', fr: 'Dossier', de: 'Dossier', en: 'Dossier' },
  procedure: { nl: 'Procedure', fr: 'Procédure', de: 'Verfahren', en: 'Procedure' },
  state: { nl: 'Stand', fr: 'État', de: 'Stand', en: 'State' },
  history: { nl: 'Verloop', fr: 'Historique', de: 'Verlauf', en: 'History' },
  reads: {
    nl: 'Wie uw gegevens las',
    fr: 'Qui a lu vos données',
    de: 'Wer Ihre Daten gelesen hat',
    en: 'Who read your data',
  },
  footer: {
    nl: 'Working in Belgium — uittreksel voor de betrokkene',
    fr: 'Working in Belgium — extrait pour la personne concernée',
    de: 'Working in Belgium — Auszug für die betroffene Person',
    en: 'Working in Belgium — extract for the person concerned',
  },
  pageOf: {
    nl: 'Pagina {page} van {pages}',
    fr: 'Page {page} sur {pages}',
    de: 'Seite {page} von {pages}',
    en: 'Page {page} of {pages}',
  },
};

const w = (key: string, l: Language) => WORDS[key]?.[l] ?? key;

/** Flattens a section into label/value lines: field names as the API names them, values as stored. */
function fieldsOf(section: unknown, prefix = ''): Block[] {
  if (!section || typeof section !== 'object') return [];
  return Object.entries(section as Record<string, unknown>).flatMap(([k, v]): Block[] =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? fieldsOf(v, `${prefix}${k}.`)
      : [{ kind: 'field', label: `${prefix}${k}`, value: Array.isArray(v) ? v.join(', ') : String(v) }],
  );
}

/** The readable edition of the export, in the person's language, laid out like the letters. */
export async function exportPdf(data: PersonExport, language: Language, now: Date): Promise<Uint8Array> {
  const blocks: Block[] = [
    { kind: 'title', text: w('title', language) },
    { kind: 'paragraph', text: w('intro', language) },
    { kind: 'field', label: w('generated', language), value: legalDate(now) },
  ];
  for (const { dossier, events, accessLog } of data.dossiers) {
    blocks.push(
      { kind: 'heading', text: `${w('dossier', language)} ${dossier.reference}` },
      {
        kind: 'field',
        label: w('procedure', language),
        value: PROCEDURE_NAME[dossier.procedure][language],
      },
      { kind: 'field', label: w('state', language), value: dossier.state },
    );
    for (const [name, section] of Object.entries(dossier.sections)) {
      blocks.push({ kind: 'heading', text: name }, ...fieldsOf(section));
    }
    blocks.push({ kind: 'heading', text: w('history', language) });
    for (const e of events) {
      blocks.push({
        kind: 'field',
        label: e.at.slice(0, 10),
        value: `${e.action}${e.legalBasis ? ` (${e.legalBasis})` : ''}`,
      });
    }
    blocks.push({ kind: 'heading', text: w('reads', language) });
    for (const r of accessLog) {
      blocks.push({ kind: 'field', label: r.at.slice(0, 10), value: `${r.organisation.name}: ${r.purpose}` });
    }
  }
  return renderLetter({
    lang: language,
    title: w('title', language),
    subject: w('title', language),
    author: 'Working in Belgium',
    header: ['Working in Belgium', data.person.name],
    blocks,
    footer: w('footer', language),
    pageOf: w('pageOf', language),
    date: now,
  });
}
